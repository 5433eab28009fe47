using Hangfire;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

public static class JobsEndpoints
{
    /// <summary>
    /// Maps the Hangfire dashboard at <c>/hangfire</c> when <c>Jobs:Dashboard:Enabled</c> is true, and nothing otherwise
    /// (the job server runs either way). Every request needs the dashboard password
    /// (<see cref="DashboardBasicAuthenticationHandler"/>), wherever it comes from; every POST (enqueue, retry, delete, the
    /// live statistics) also needs the antiforgery token the dashboard's pages carry.
    /// </summary>
    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (!options.Dashboard.Enabled)
            return endpoints;

        var storage = endpoints.ServiceProvider.GetRequiredService<JobStorage>();
        var dashboard = new DashboardOptions
        {
            DashboardTitle = "JobSheetQA.Bot jobs",
            // The PostgreSQL connection string carries the database password.
            DisplayStorageConnectionString = false,
            // The bot has no site at "/" to go back to.
            AppPath = null,
            // Hangfire's default, stated: with antiforgery registered (AddJobs), POSTs without the page's token get 403.
            IgnoreAntiforgeryToken = false,
        };

        // Replaces Hangfire's own filters (its default lets in any local request) with the policy alone.
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(DashboardBasicAuthenticationHandler.PolicyName, JobsOptions.DashboardPath, dashboard, storage);
        return endpoints;
    }
}
