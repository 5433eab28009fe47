using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Evidence.Readiness;

/// <summary>
/// The facts of the Deployment Readiness Pack (runbook §6.1) as gathered at <see cref="GeneratedAt"/>: the current HEAD
/// SHA, each environment's latest run with its gates, the posture flags, and the evidence each sign-off requirement
/// reads. The chat module renders it (summary and markdown document) and words the sign-off checklist.
/// </summary>
/// <param name="Repository">owner/name of the application repository.</param>
/// <param name="Branch">The branch promotions run from.</param>
/// <param name="HeadSha">The commit <paramref name="Branch"/> points at now.</param>
/// <param name="LatestRuns">Per environment, in promotion order, its newest dispatched promotion.</param>
/// <param name="Config">The posture flags of each read-only environment: default and current value.</param>
/// <param name="Stages">Per environment reached through another (production through staging): that predecessor's evidence for HEAD.</param>
/// <param name="Postures">Per read-only environment: what its own runs and checklist show.</param>
public sealed record ReadinessPack(
    DateTimeOffset GeneratedAt,
    string Repository,
    string Branch,
    string HeadSha,
    IReadOnlyList<ReadinessRun> LatestRuns,
    IReadOnlyList<ReadinessConfig> Config,
    IReadOnlyList<ReadinessStage> Stages,
    IReadOnlyList<ReadinessPosture> Postures,
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

/// <summary>
/// The evidence for HEAD an environment needs from its predecessor (runbook §3.1–§3.2): a clean promotion of HEAD there
/// and a complete verification of it, each the newest, or null when missing.
/// </summary>
public sealed record ReadinessStage(string Environment, string Predecessor, CompletedPromotion? CleanPredecessorRun, StagingVerification? Verification);

/// <summary>
/// What a read-only environment's own promotions of HEAD show (runbook §3.2 steps 3–4, §4.2): whether the Parity Gate
/// passed there, its newest successful promotion and the posture checklist recorded after it.
/// </summary>
public sealed record ReadinessPosture(string Environment, bool ParityPassed, CompletedPromotion? Deployed, PostureChecklistEntity? Checklist);
