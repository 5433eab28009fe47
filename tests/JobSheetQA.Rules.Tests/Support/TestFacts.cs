using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Support;

/// <summary>
/// All-green baselines for a staging and a production promotion, which each test changes with <c>with</c>.
/// The policy is <see cref="TestPolicy.Default"/> with <see cref="Requester"/> listed as a requester everywhere,
/// because policy.yaml ships with empty lists (nobody outside Development).
/// </summary>
public static class TestFacts
{
    public const string HeadSha = "9d3c1f7a2b4e6d8c0a1b3c5d7e9f1a2b3c4d5e6f";
    public const string OlderSha = "4b8e2d6f0a1c3e5a7c9e1b3d5f7a9c1e3b5d7f90";
    public const string PromotionId = "prm-0042";

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static readonly RequesterIdentity Requester =
        new("teams", "6f1c2b7e-5d4a-4c3b-9a8e-1f2d3c4b5a69", "Dana Okafor", "dana.okafor@jobsheetqa.example");

    public static readonly RequesterIdentity Stranger = new("slack", "U0STRANGER", "Sam Visitor", "sam@elsewhere.example");

    /// <summary>Who recorded the staging verification: someone other than <see cref="Requester"/> (separation of duties).</summary>
    public static readonly RequesterIdentity Verifier = new("teams", "0c9e2f6a-3b1d-4e7a-8c2b-5d4f3a2e1b0c", "Vera Reviewer");

    public static PromotionPolicy Policy { get; } = TestPolicy.WithRequesters(Requester.QualifiedId);

    /// <summary>The jobs of the operationalised workflow: the five gates and the deploy job, named as policy.yaml's <c>gates</c>.</summary>
    public static IReadOnlyList<WorkflowJob> GateJobs { get; } =
    [
        new("validate", "Validate Request", 30, 55),
        new("ci", "CI Gate", 57, 75),
        new("policy", "Policy Gate", 77, 95),
        new("rehearsal", "Rehearsal Gate", 97, 110),
        new("parity", "Parity Gate", 112, 140),
        new("deploy", "Deploy", 142, 160),
    ];

    /// <summary>What the analyser reports for the operationalised workflow: dispatchable, right inputs, no bypass, both checks, every gate job.</summary>
    public static WorkflowAnalysis GoodWorkflow { get; } = new(
        HasWorkflowDispatch: true,
        InputProblems: [],
        BypassLines: [],
        AcknowledgementCheckLines: [41, 47],
        ParityReportLines: [118],
        HasCorrelationIdInput: true)
    {
        Jobs = GateJobs,
    };

    public static PromotionFacts Staging() => Baseline(EnvironmentNames.Staging);

    /// <summary>Production with its staging evidence (a clean staging promotion and a complete verification of HEAD) and the
    /// requester's posture checklist answered "yes" to every item (runbook §4.2).</summary>
    public static PromotionFacts Production() =>
        Baseline(EnvironmentNames.Production) with
        {
            PriorPromotions = [StagingPromotion()],
            Verifications = [StagingVerification()],
            PostureChecklists = [Checklist()],
        };

    public static PromotionFacts For(string environment) => environment switch
    {
        EnvironmentNames.Staging => Staging(),
        EnvironmentNames.Production => Production(),
        _ => Baseline(environment),
    };

    public static PromotionRequest Request(string environment) => new(
        RequestId: PromotionId,
        Environment: environment,
        Ref: "refs/heads/main",
        CommitSha: HeadSha,
        SkipParity: false,
        UseNightlyParity: false,
        AcknowledgementText: null,
        Requester: Requester);

    public static CompletedPromotion StagingPromotion(string commitSha = HeadSha, bool paritySkipped = false, bool succeeded = true) => new(
        PromotionId: paritySkipped ? "prm-0040" : "prm-0041",
        Environment: EnvironmentNames.Staging,
        CommitSha: commitSha,
        Succeeded: succeeded,
        Steps: Enum.GetValues<PromotionStep>().ToDictionary(
            step => step,
            step => step == PromotionStep.ParityGate && paritySkipped ? StepOutcome.Skipped : StepOutcome.Passed),
        ParitySkipped: paritySkipped,
        CompletedAt: Now.AddHours(-3));

    public static StagingVerification StagingVerification(string commitSha = HeadSha) => new(
        Environment: EnvironmentNames.Staging,
        CommitSha: commitSha,
        VerifiedBy: Verifier.DisplayName,
        VerifiedAt: Now.AddHours(-2),
        ApplicationHealthy: true,
        SmokeTestsPassed: true,
        KeyFunctionalityVerified: true,
        VerifiedById: Verifier.QualifiedId);

    /// <summary>The requester's answers to runbook §4.2 items 3–5 for <see cref="PromotionId"/>; every item confirmed unless told.</summary>
    public static PostureChecklistAnswer Checklist(bool database = true, bool noDestructive = true, bool monitoring = true, string promotionId = PromotionId) =>
        new(promotionId, database, noDestructive, monitoring, Requester.DisplayName);

    public static WriteWindow Window(string changeRequest = "CHG-1234", DateTimeOffset? endsAt = null, DateTimeOffset? closedAt = null) => new(
        Environment: EnvironmentNames.Production,
        ChangeRequest: changeRequest,
        OpenedBy: "ops.lead@jobsheetqa.example",
        OpenedAt: Now.AddMinutes(-30),
        EndsAt: endsAt ?? Now.AddHours(1),
        ClosedAt: closedAt);

    /// <summary>A nightly run whose report was generated <paramref name="age"/> ago (6h by default); the run finished two minutes later.</summary>
    public static NightlyParityResult Nightly(string commitSha = HeadSha, TimeSpan? age = null, params string[] violations) =>
        new(
            RunId: 8812,
            CompletedAt: Now - (age ?? TimeSpan.FromHours(6)) + TimeSpan.FromMinutes(2),
            CommitSha: commitSha,
            Violations: violations,
            GeneratedAt: Now - (age ?? TimeSpan.FromHours(6)));

    private static PromotionFacts Baseline(string environment) => new(
        Request: Request(environment),
        Policy: Policy,
        Context: new DecisionContext(Now, IsDevelopment: false),
        Workflow: new WorkflowFile(Policy.WorkflowPath, "main", GoodWorkflow),
        Secrets: new SecretInventory(environment, new HashSet<string>(Policy.RequiredSecrets, StringComparer.Ordinal)),
        PostureFlags: [new PostureFlag(environment, "ENABLE_PURGE_EXECUTION", null), new PostureFlag(environment, "ENABLE_SCHEDULER", null)],
        WriteWindows: [],
        PriorPromotions: [],
        Verifications: [],
        NightlyParity: null,
        InFlight: []);
}
