using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Evidence.Readiness;

/// <summary>
/// The facts of the Deployment Readiness Pack (runbook §6.1) as gathered at <see cref="GeneratedAt"/>: the current HEAD
/// SHA, each environment's latest run with its gates, the posture flags, and each sign-off requirement judged on its
/// evidence. The chat module renders it (summary and markdown document).
/// </summary>
/// <param name="Repository">owner/name of the application repository.</param>
/// <param name="Branch">The branch promotions run from.</param>
/// <param name="HeadSha">The commit <paramref name="Branch"/> points at now.</param>
/// <param name="LatestRuns">Per environment, in promotion order, its newest dispatched promotion.</param>
/// <param name="Config">The posture flags of each read-only environment: default and current value.</param>
/// <param name="SignOff">Every sign-off requirement, judged on the evidence for HEAD, in the order the pack lists them.</param>
public sealed record ReadinessPack(
    DateTimeOffset GeneratedAt,
    string Repository,
    string Branch,
    string HeadSha,
    IReadOnlyList<ReadinessRun> LatestRuns,
    IReadOnlyList<ReadinessConfig> Config,
    IReadOnlyList<ReadinessRequirement> SignOff,
    PromotionPolicy Policy);

/// <summary>An environment's newest dispatched promotion (with its gates), or none.</summary>
public sealed record ReadinessRun(string Environment, PromotionEntity? Promotion)
{
    public bool Exists => Promotion is not null;

    public IReadOnlyDictionary<PromotionStep, StepOutcome> Gates =>
        Promotion?.GateResults.ToDictionary(g => g.Step, g => g.Outcome) ?? new Dictionary<PromotionStep, StepOutcome>();
}

/// <summary>A posture flag (runbook §4.1) with its default and, when it could be read, its current value.</summary>
/// <param name="Current">The value now ("unset" when not set); null when GitHub could not be read (<paramref name="Problem"/>).</param>
public sealed record ReadinessConfig(string Environment, string Name, string Purpose, string Default, string? Current, GitHubError? Problem)
{
    public bool IsEnabled => new PostureFlag(Environment, Name, Current).IsEnabled;
}
