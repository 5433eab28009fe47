using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Readiness;

/// <summary>
/// The Deployment Readiness Pack (runbook §6.1): current HEAD SHA, gate checklist status, config defaults and sign-off
/// requirements, as gathered at <see cref="GeneratedAt"/>. <see cref="ReadinessMarkdown"/> and <see cref="ReadinessReply"/> render it.
/// </summary>
/// <param name="Repository">owner/name of the application repository.</param>
/// <param name="Branch">The branch promotions run from.</param>
/// <param name="HeadSha">The commit <paramref name="Branch"/> points at now.</param>
/// <param name="LatestRuns">Per environment, in promotion order, its newest dispatched promotion (null when none).</param>
/// <param name="Config">The posture flags of each read-only environment: default and current value.</param>
/// <param name="SignOff">What must be true before sign-off, each with where it stands.</param>
public sealed record ReadinessPack(
    DateTimeOffset GeneratedAt,
    string Repository,
    string Branch,
    string HeadSha,
    IReadOnlyList<ReadinessRun> LatestRuns,
    IReadOnlyList<ReadinessConfig> Config,
    IReadOnlyList<SignOffItem> SignOff,
    PromotionPolicy Policy);

/// <summary>An environment's newest dispatched promotion, or none (<paramref name="PromotionId"/> null).</summary>
public sealed record ReadinessRun(
    string Environment,
    string? PromotionId,
    string? CommitSha,
    string? State,
    string? RequestedBy,
    DateTimeOffset? At,
    string? RunUrl,
    IReadOnlyDictionary<PromotionStep, StepOutcome> Gates)
{
    public bool Exists => PromotionId is not null;
}

/// <summary>A posture flag (runbook §4.1) with its default and, when it could be read, its current value.</summary>
/// <param name="Current">The value now ("unset" when not set); null when GitHub could not be read (<paramref name="Problem"/>).</param>
public sealed record ReadinessConfig(string Environment, string Name, string Purpose, string Default, string? Current, string? Problem);

/// <summary>Where a sign-off requirement stands.</summary>
public enum SignOffStatus
{
    Met,
    NotMet,

    /// <summary>A person confirms it (or it can only be known later, e.g. after the production run).</summary>
    ToConfirm,
}

/// <summary>One sign-off requirement with its runbook section and what the bot found.</summary>
public sealed record SignOffItem(string Requirement, string Runbook, SignOffStatus Status, string Detail)
{
    public string Box => Status switch
    {
        SignOffStatus.Met => "[x]",
        SignOffStatus.NotMet => "[ ]",
        _ => "[?]",
    };
}
