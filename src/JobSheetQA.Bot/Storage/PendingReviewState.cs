namespace JobSheetQA.Bot.Storage;

/// <summary>Where a pending deployment protection review is: each move is a guarded update, so only one worker makes it.</summary>
public enum PendingReviewState
{
    /// <summary>Written by the webhook; no worker has begun judging.</summary>
    Pending,

    /// <summary>A worker is judging it (since <c>claimed_at</c>); a worker that dies here leaves it for the sweep.</summary>
    Judging,

    /// <summary>The answer is decided and stored, not yet taken by GitHub.</summary>
    Decided,

    /// <summary>GitHub took the answer (or gave up taking it): never answered again.</summary>
    Answered,
}
