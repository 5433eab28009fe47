using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>Start-up checks for the <c>Jobs</c> settings; each message names the key to fix.</summary>
internal sealed partial class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    internal const int MaxWorkerCount = 64;
    internal static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);
    internal static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        const string section = JobsOptions.SectionName;
        var failures = new List<string>();

        if (options.WorkerCount < 1 || options.WorkerCount > MaxWorkerCount)
            failures.Add($"{section}:WorkerCount must be between 1 and {MaxWorkerCount} (got {options.WorkerCount}).");

        for (var i = 0; i < options.Queues.Length; i++)
        {
            // Hangfire's own rule for queue names; it would otherwise fail only when the first job is enqueued.
            if (!QueueName().IsMatch(options.Queues[i] ?? ""))
                failures.Add($"{section}:Queues:{i} ('{options.Queues[i]}') must use only lowercase letters, digits, '_' and '-'.");
        }

        foreach (var duplicate in options.Queues.GroupBy(q => q).Where(g => g.Count() > 1))
            failures.Add($"{section}:Queues lists '{duplicate.Key}' more than once.");

        if (options.Queues.Length > 0 && !options.Queues.Contains(JobsOptions.DefaultQueue))
            failures.Add($"{section}:Queues must include '{JobsOptions.DefaultQueue}': jobs that name no queue are enqueued there.");

        if (options.PollInterval < MinPollInterval || options.PollInterval > MaxPollInterval)
            failures.Add($"{section}:PollInterval must be between {MinPollInterval:c} and {MaxPollInterval:c} (got {options.PollInterval:c}).");

        ValidateDashboard(options.Dashboard, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateDashboard(JobsDashboardOptions dashboard, List<string> failures)
    {
        const string section = $"{JobsOptions.SectionName}:Dashboard";
        if (!dashboard.Enabled)
            return;

        // Never quote the password back: these messages are the start-up output and end up in logs.
        if (string.IsNullOrWhiteSpace(dashboard.Password))
        {
            failures.Add($"{section}:Password is required when {section}:Enabled is true: the dashboard can enqueue, retry and delete jobs, "
                + "so every request must carry it (HTTP Basic; environment variable Jobs__Dashboard__Password), "
                + $"or set {section}:Enabled to false.");
        }
        else if (dashboard.Password.Length < JobsDashboardOptions.MinPasswordLength)
        {
            failures.Add($"{section}:Password must be at least {JobsDashboardOptions.MinPasswordLength} characters long; "
                + "use a random one (for example `openssl rand -base64 24`).");
        }

        // HTTP Basic sends "user:password" and the first ':' ends the user name, so such a name could never sign in.
        if (dashboard.User is { } user && user.Contains(':', StringComparison.Ordinal))
            failures.Add($"{section}:User must not contain ':' (HTTP Basic cannot carry it).");
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();
}
