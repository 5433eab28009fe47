namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>
/// A <c>deployment_protection_rule</c> request GitHub waits on, written before the webhook is answered so a bot that dies
/// while judging still answers it (the review job, or the sweep). One row per run, environment and deployment: a redelivery
/// finds the row and is answered once.
/// </summary>
public sealed class PendingProtectionReviewEntity
{
    public long Id { get; set; }

    public required string Repository { get; set; }

    public long RunId { get; set; }

    public required string Environment { get; set; }

    /// <summary>GitHub's deployment for the waiting job; a re-run asks again with a new one.</summary>
    public long DeploymentId { get; set; }

    /// <summary><c>deployment.sha</c>: the commit that will be deployed.</summary>
    public required string CommitSha { get; set; }

    public required string Ref { get; set; }

    /// <summary>What started the run (<c>workflow_dispatch</c>, <c>push</c> …).</summary>
    public required string Event { get; set; }

    /// <summary><c>deployment_callback_url</c>, where the answer goes.</summary>
    public required string CallbackUrl { get; set; }

    /// <summary><c>sender.login</c>: who started the run.</summary>
    public required string SenderLogin { get; set; }

    /// <summary>The first delivery's <c>X-GitHub-Delivery</c>.</summary>
    public required string Delivery { get; set; }

    public PendingReviewState State { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When a worker began judging it (<see cref="PendingReviewState.Judging"/>).</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The answer decided (<see cref="PendingReviewState.Decided"/> on): true = approved.</summary>
    public bool? Approved { get; set; }

    /// <summary>The review comment decided, sent as it is (again, if the first send failed).</summary>
    public string? Comment { get; set; }

    public string? PromotionId { get; set; }

    /// <summary>How often the decided answer was sent to GitHub.</summary>
    public int SendAttempts { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}
