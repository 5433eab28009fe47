namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>The jobs of <c>promotion.yml</c>, in order (runbook §2.3 gates plus the deployment).</summary>
public static class PromotionJobs
{
    public const string ValidateRequest = "Validate Request";
    public const string CiGate = "CI Gate";
    public const string PolicyGate = "Policy Gate";
    public const string RehearsalGate = "Rehearsal Gate";
    public const string ParityGate = "Parity Gate";
    public const string Deploy = "Deploy";

    public const string ParityArtifactName = "promotion-parity-report";

    public static IReadOnlyList<string> Names { get; } =
        [ValidateRequest, CiGate, PolicyGate, RehearsalGate, ParityGate, Deploy];

    /// <summary>Name of the job's main step (the one that fails).</summary>
    public static string MainStepName(string job, string environment) => job switch
    {
        ValidateRequest => "Validate inputs",
        CiGate => "Run CI checks",
        PolicyGate => "Check required files and workflow configuration",
        RehearsalGate => "Run release rehearsal",
        ParityGate => "Run parity suite",
        _ => $"Deploy to {environment}",
    };

    /// <summary>Failure message used when the scenario gives none.</summary>
    public static string DefaultFailureMessage(string job) => job switch
    {
        CiGate => "CI checks failed",
        PolicyGate => "Policy check failed",
        RehearsalGate => "Release rehearsal failed",
        ParityGate => "Parity below thresholds",
        Deploy => "Deployment failed",
        _ => "Validation failed",
    };
}
