using Hangfire;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

public static class JobsEndpoints
{
    /// <summary>
    /// Maps the Hangfire dashboard at <c>/hangfire</c>: guarded by the authorization policy named in
    /// <c>Jobs:DashboardPolicy</c> when there is one, otherwise answering only requests from the machine itself.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
        var storage = endpoints.ServiceProvider.GetRequiredService<JobStorage>();
        var dashboard = new DashboardOptions
        {
            DashboardTitle = "JobSheetQA.Bot jobs",
            // The PostgreSQL connection string carries the database password.
            DisplayStorageConnectionString = false,
            Authorization = [new LoopbackOnlyDashboardAuthorizationFilter()],
        };

        return options.DashboardPolicy is { } policy
            ? endpoints.MapHangfireDashboardWithAuthorizationPolicy(policy, JobsOptions.DashboardPath, dashboard, storage)
            : endpoints.MapHangfireDashboard(JobsOptions.DashboardPath, dashboard, storage);
    }
}
