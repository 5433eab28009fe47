namespace JobSheetQA.Rules.Facts;

/// <summary>The five gates of runbook §2.3, in workflow order, followed by the deploy step.</summary>
public enum PromotionStep
{
    ValidateRequest,
    CiGate,
    PolicyGate,
    RehearsalGate,
    ParityGate,
    Deploy,
}

public static class PromotionStepNames
{
    /// <summary>The runbook's name for a step ("Validate Request", "CI Gate", …, "Deploy").</summary>
    public static string DisplayName(this PromotionStep step) => step switch
    {
        PromotionStep.ValidateRequest => "Validate Request",
        PromotionStep.CiGate => "CI Gate",
        PromotionStep.PolicyGate => "Policy Gate",
        PromotionStep.RehearsalGate => "Rehearsal Gate",
        PromotionStep.ParityGate => "Parity Gate",
        PromotionStep.Deploy => "Deploy",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
