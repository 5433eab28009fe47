using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobSheetQA.Bot.Storage;

/// <summary>Readiness <c>database</c>: a fresh connection reads the bot's schema (a table the migrations create).</summary>
internal sealed class DatabaseReadinessCheck(IDbContextFactory<BotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.ProcessedInbound.AsNoTracking().Take(1).CountAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be read: {exception.GetType().Name}");
        }
    }
}
