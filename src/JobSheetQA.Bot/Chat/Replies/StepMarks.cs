using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>The plain-text mark of a gate's outcome, one table for every text rendering (cards draw their own).</summary>
public static class StepMarks
{
    /// <summary>Where gates are listed one per line, a pending one is marked <c>·</c>.</summary>
    public const string PendingOnItsOwnLine = "·";

    /// <summary>Where gates are joined by " · " in one line, a pending one is marked <c>○</c> so the separators stay readable.</summary>
    public const string PendingInALine = "○";

    public static string For(StepOutcome outcome, string pending = PendingOnItsOwnLine) => outcome switch
    {
        StepOutcome.Passed => "✓",
        StepOutcome.Failed => "✗",
        StepOutcome.Running => "…",
        StepOutcome.Skipped => "–",
        StepOutcome.Cancelled => "⊘",
        _ => pending,
    };
}
