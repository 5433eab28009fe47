namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>Whether a promotion's polling chain will poll again by itself (<see cref="TrackingChains.Health"/>).</summary>
public enum ChainHealth
{
    /// <summary>Its next poll is queued or scheduled, or running now.</summary>
    Alive,

    /// <summary>Its next poll is far later than it was due (a job held by a worker that died): revive it.</summary>
    Overdue,

    /// <summary>No chain, or the job of its next poll failed for good, was deleted, ended without continuing or expired: revive it.</summary>
    Gone,
}
