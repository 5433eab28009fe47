using BenchmarkDotNet.Attributes;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Benchmarks;

/// <summary>One full promotion decision: a fresh session, every fact inserted, every rule fired. Target: under 100 µs median.</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private PolicyEngine engine = null!;
    private PromotionFacts stagingAllowed = null!;
    private PromotionFacts productionDenied = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = new PolicyEngine();
        var policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        const string sha = "0123456789abcdef0123456789abcdef01234567";
        var requester = new RequesterIdentity("teams", "aad-1", "Alice", "alice@example.com");
        var cleanSteps = Enum.GetValues<PromotionStep>().ToDictionary(step => step, _ => StepOutcome.Passed);

        stagingAllowed = new PromotionFacts(
            Request: new PromotionRequest("p-1", EnvironmentNames.Staging, "main", sha, SkipParity: false, UseNightlyParity: false, null, requester),
            Policy: policy,
            Context: new DecisionContext(now, IsDevelopment: true),
            Workflow: new WorkflowFile(policy.WorkflowPath, "main", GateJobsOf(policy)),
            Secrets: new SecretInventory(EnvironmentNames.Staging, new HashSet<string>(policy.RequiredSecrets)),
            PostureFlags: [],
            WriteWindows: [],
            PriorPromotions: [],
            Verifications: [],
            NightlyParity: null,
            InFlight: []);

        productionDenied = stagingAllowed with
        {
            Request = stagingAllowed.Request with { RequestId = "p-2", Environment = EnvironmentNames.Production, SkipParity = true, AcknowledgementText = "I_ACCEPT_PARITY_SKIP" },
            PostureFlags = [new PostureFlag(EnvironmentNames.Production, "ENABLE_PURGE_EXECUTION", "true"), new PostureFlag(EnvironmentNames.Production, "ENABLE_SCHEDULER", null)],
            PriorPromotions = [new CompletedPromotion("p-0", EnvironmentNames.Staging, sha, true, cleanSteps, false, now.AddHours(-2))],
            InFlight = [new PromotionInFlight("p-9", EnvironmentNames.Production, "Bob", now.AddMinutes(-5))],
        };
    }

    /// <summary>A clean analysis whose jobs are the policy's gates, one per line, so WORKFLOW-GATES passes.</summary>
    private static WorkflowAnalysis GateJobsOf(PromotionPolicy policy) =>
        new(true, [], [], [42], [77], true)
        {
            Jobs = policy.Gates.JobNames.Values.Select((name, i) => new WorkflowJob($"job{i}", name, 100 + i, 100 + i)).ToList(),
        };

    [Benchmark(Baseline = true)]
    public Decision Staging_allowed() => engine.Decide(stagingAllowed);

    [Benchmark]
    public Decision Production_denied_on_several_rules() => engine.Decide(productionDenied);
}
