namespace JobSheetQA.Bot.GitHub;

/// <summary>What a cancel request achieved.</summary>
public enum CancelOutcome
{
    /// <summary>GitHub accepted the cancellation (202); the run will finish as cancelled.</summary>
    CancellationRequested,

    /// <summary>The run had already completed (409); nothing to cancel.</summary>
    AlreadyCompleted,
}
