namespace JobSheetQA.Rules.Catalogue;

/// <summary>The rule-set tags. Every set but <see cref="WriteWindow"/> judges a promotion request.</summary>
public static class RuleSets
{
    /// <summary>Validate Request checks on the inputs (runbook §2.1–2.4).</summary>
    public const string Gate = "gate";

    /// <summary>Staging-first evidence and nightly parity (runbook §2.1, §3).</summary>
    public const string Evidence = "evidence";

    /// <summary>Production read-only posture (runbook §4).</summary>
    public const string Posture = "posture";

    /// <summary>The workflow file and its secrets (runbook §5.1, §5.3).</summary>
    public const string Workflow = "workflow";

    /// <summary>Who may promote where, and one promotion per environment.</summary>
    public const string Access = "access";

    /// <summary>Opening a write window (runbook §4.3); judged on its own, not on promotions.</summary>
    public const string WriteWindow = "write-window";

    public static readonly IReadOnlyList<string> Promotion = [Gate, Evidence, Posture, Workflow, Access];
}
