using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>Readiness <c>signing-metadata</c>: the OpenID signing keys inbound Teams tokens are checked against are loaded
/// (fetched now if not yet); not needed, and so ready, without an app id in Development.</summary>
internal sealed class SigningMetadataReadinessCheck(BotFrameworkAuthenticator authenticator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await authenticator.SigningMetadataProblemAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy();
}
