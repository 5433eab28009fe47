namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>A typed acknowledgement the bot asked for, bound to requester, promotion, environment, commit and rule;
/// single use and expiring (runbook §2.4).</summary>
public sealed class AcknowledgementEntity
{
    public required string Id { get; set; }

    public required string PromotionId { get; set; }

    public required string RequesterChannel { get; set; }

    public required string RequesterUserId { get; set; }

    public required string Environment { get; set; }

    public required string CommitSha { get; set; }

    public required string RuleId { get; set; }

    /// <summary>The exact phrase the requester must type, e.g. <c>I_ACCEPT_PARITY_SKIP</c>.</summary>
    public required string PhraseExpected { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public AcknowledgementState State { get; set; }
}
