namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>Whether an inbound activity may be processed; the reason is for the log only (the caller just gets 401).</summary>
public sealed record InboundAuthentication(bool Succeeded, bool IsAnonymous, string? Failure)
{
    public static InboundAuthentication Authenticated { get; } = new(true, false, null);

    public static InboundAuthentication Anonymous { get; } = new(true, true, null);

    public static InboundAuthentication Fail(string reason) => new(false, false, reason);
}
