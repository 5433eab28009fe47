using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>Where one gate (or the deploy step) of a promotion's workflow run stands (runbook §2.3).</summary>
public sealed class GateResultEntity
{
    public required string PromotionId { get; set; }

    public PromotionStep Step { get; set; }

    public StepOutcome Outcome { get; set; }

    /// <summary>Link to the workflow job, for the status card.</summary>
    public string? JobUrl { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
