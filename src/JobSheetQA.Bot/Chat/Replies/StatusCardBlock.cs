namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>A promotion's status: the five gates and the deploy step, each pending / running / passed / failed / skipped.</summary>
/// <param name="Title">E.g. "promote staging · 9f2c4e1 · Dana Okafor".</param>
/// <param name="State">The promotion's state in words, e.g. "running" or "failed at Parity Gate".</param>
/// <param name="Steps">Every step in workflow order.</param>
/// <param name="RunUrl">The workflow run, once dispatched.</param>
public sealed record StatusCardBlock(string Title, string State, IReadOnlyList<StepStatus> Steps, string? RunUrl) : ReplyBlock
{
    /// <summary>Where the promotion stands, so renderers need not read it out of <see cref="State"/>'s wording.</summary>
    public StatusCardPhase Phase { get; init; } = StatusCardPhase.InProgress;
}
