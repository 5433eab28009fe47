namespace JobSheetQA.Rules.Policy;

/// <summary>What a person can do through the bot that changes something; each has owners in policy.yaml.</summary>
public enum PolicyAction
{
    /// <summary><c>promote &lt;env&gt;</c> (the environment's <c>requesters</c>).</summary>
    Promote,

    /// <summary><c>cancel</c> someone else's promotion (the requester may always cancel their own).</summary>
    Cancel,

    /// <summary>Record the verification of an environment (<c>verify staging</c>), the evidence STAGE-FIRST reads.</summary>
    Verify,

    /// <summary>Answer the read-only posture checklist after a production promotion (runbook §4.2).</summary>
    PostureChecklist,

    /// <summary>Open or close a write window (runbook §4.3).</summary>
    WriteWindow,
}
