namespace JobSheetQA.Rules.Decisions;

/// <summary>What a rule that did not pass asks of the promotion.</summary>
public enum FindingOutcome
{
    /// <summary>The promotion must not go ahead.</summary>
    Deny,

    /// <summary>The promotion may go ahead once the requester types the acknowledgement phrase.</summary>
    RequireAcknowledgement,

    /// <summary>The promotion may go ahead; the requester should know.</summary>
    Warn,
}
