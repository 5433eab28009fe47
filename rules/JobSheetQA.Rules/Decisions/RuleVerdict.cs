namespace JobSheetQA.Rules.Decisions;

/// <summary>How one rule judged a request, for dry runs that list every rule.</summary>
public enum RuleVerdict
{
    Pass,
    Deny,
    RequireAcknowledgement,
    Warn,
}
