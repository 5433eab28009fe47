using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Tests.Support;

/// <summary>The policy of <c>rules/policy.yaml</c>, built in code value for value, so rule tests do not depend on the YAML loader.</summary>
public static class TestPolicy
{
    public static PromotionPolicy Default { get; } = new(
        AllowedBranch: "main",
        WorkflowPath: ".github/workflows/promotion.yml",
        Environments:
        [
            new EnvironmentPolicy(EnvironmentNames.Staging, AllowParitySkip: true, ReadOnlyPosture: false, Requesters: []),
            new EnvironmentPolicy(EnvironmentNames.Production, AllowParitySkip: false, ReadOnlyPosture: true, Requesters: []),
        ],
        Acknowledgement: new AcknowledgementPolicy("I_ACCEPT_PARITY_SKIP", TimeSpan.FromMinutes(10)),
        RequiredSecrets: ["MISTRAL_API_KEY", "GEMINI_API_KEY"],
        Posture: new PosturePolicy(
        [
            new PostureFlagPolicy("ENABLE_PURGE_EXECUTION", "Prevents data deletion"),
            new PostureFlagPolicy("ENABLE_SCHEDULER", "Prevents automated jobs"),
        ]),
        WriteWindows: new WriteWindowPolicy(
            MinDuration: TimeSpan.FromMinutes(15),
            MaxDuration: TimeSpan.FromHours(4),
            ReminderBeforeEnd: TimeSpan.FromMinutes(15),
            ChangeRequestPattern: "^[A-Z][A-Z0-9]*-[0-9]+$"),
        NightlyParity: new NightlyParityPolicy("nightly-parity.yml", "promotion-parity-report", TimeSpan.FromHours(26)),
        Gates: new GateMap(new Dictionary<PromotionStep, string>
        {
            [PromotionStep.ValidateRequest] = "Validate Request",
            [PromotionStep.CiGate] = "CI Gate",
            [PromotionStep.PolicyGate] = "Policy Gate",
            [PromotionStep.RehearsalGate] = "Rehearsal Gate",
            [PromotionStep.ParityGate] = "Parity Gate",
            [PromotionStep.Deploy] = "Deploy",
        }),
        Authorization: AuthorizationPolicy.Defaults);

    /// <summary><see cref="Default"/> with every environment's requesters replaced.</summary>
    public static PromotionPolicy WithRequesters(params string[] requesters) =>
        Default with { Environments = Default.Environments.Select(e => e with { Requesters = requesters }).ToList() };

    /// <summary><paramref name="policy"/> with one environment changed.</summary>
    public static PromotionPolicy WithEnvironment(this PromotionPolicy policy, string name, Func<EnvironmentPolicy, EnvironmentPolicy> change) =>
        policy with { Environments = policy.Environments.Select(e => e.Name == name ? change(e) : e).ToList() };
}
