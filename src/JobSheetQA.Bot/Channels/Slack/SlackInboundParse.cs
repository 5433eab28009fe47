namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// What a verified Slack payload asks for: a turn to queue (with who acts in it, for <see cref="SlackWorkspaceGate"/>), a
/// URL-verification challenge, nothing (ignored), or nothing because it is malformed.
/// </summary>
public sealed record SlackInboundParse(
    SlackInboundTurn? Turn = null, string? Challenge = null, string? Ignored = null, string? Error = null, SlackActor? Actor = null)
{
    public static SlackInboundParse Queue(SlackInboundTurn turn, SlackActor actor) => new(Turn: turn, Actor: actor);

    public static SlackInboundParse Verification(string challenge) => new(Challenge: challenge);

    public static SlackInboundParse Ignore(string reason) => new(Ignored: reason);

    public static SlackInboundParse Invalid(string error) => new(Error: error);
}
