namespace JobSheetQA.Rules.Decisions;

/// <summary>The overall answer to a request: the strongest outcome among its findings.</summary>
public enum Verdict
{
    Allow,
    RequireAcknowledgement,
    Deny,
}
