using JobSheetQA.Bot.Evidence.Parity;
using JobSheetQA.Bot.Evidence.Readiness;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the evidence module: the staging verification production's STAGE-FIRST rule reads (runbook §3.1) and
    /// the Deployment Readiness Pack (§6.1), and a run's parity results read from any report shape (§5.2). Needs storage,
    /// policy and the GitHub gateway.
    /// </summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StagingVerifier>();
        services.TryAddSingleton<ReadinessPackBuilder>();
        services.TryAddSingleton<ParityEvidenceReader>();
        services.TryAddSingleton<ParityReportFinder>();
        return services;
    }
}
