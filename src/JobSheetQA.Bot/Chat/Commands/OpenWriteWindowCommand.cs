namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>write-window open production CR-123 for 2h</c> (runbook §4.3).</summary>
/// <param name="ChangeRequest">The change request id exactly as typed.</param>
public sealed record OpenWriteWindowCommand(string Environment, string ChangeRequest, TimeSpan Duration) : ChatCommand
{
    /// <summary>The posture flags a managed window is to set (<c>purge</c>, <c>scheduler</c>, <c>both</c>); empty when none were named.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
