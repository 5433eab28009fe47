namespace JobSheetQA.Bot.Storage;

/// <summary>When a posture checklist (runbook §4.2) was answered for a promotion.</summary>
public enum PostureChecklistStage
{
    /// <summary>After a production success (runbook §3.2 step 4 "Verify read-only posture").</summary>
    AfterDeploy,

    /// <summary>Before dispatch (runbook §4.2 "Before production deployment, verify"), by the requester; POSTURE-CHECKLIST reads it.</summary>
    BeforeDispatch,
}
