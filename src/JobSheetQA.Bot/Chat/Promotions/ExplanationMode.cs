namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>How much of a decision to explain.</summary>
public enum ExplanationMode
{
    /// <summary>The verdict and every deny, acknowledgement and warning.</summary>
    Findings,

    /// <summary>The verdict and every rule's pass / deny / ack / warn, for <c>--dry-run</c> and <c>why</c>.</summary>
    DryRun,
}
