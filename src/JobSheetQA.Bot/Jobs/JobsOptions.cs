namespace JobSheetQA.Bot.Jobs;

/// <summary>The <c>Jobs</c> settings: the Hangfire server inside the bot and its dashboard (docs/configuration.md, "Jobs (Hangfire)").</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>The queue a job lands in unless it names another; the server must always listen to it.</summary>
    public const string DefaultQueue = "default";

    /// <summary>Where the Hangfire dashboard is served when <c>Jobs:Dashboard:Enabled</c> is true.</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// <c>Jobs:WorkerCount</c>: concurrent job threads per instance. Jobs mostly wait on GitHub and chat APIs, so a
    /// few are plenty on a small machine (Hangfire's own default is 20 per core).
    /// </summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// <c>Jobs:Queues</c>: the queues this instance works on, highest priority first. Empty means just
    /// <see cref="DefaultQueue"/>; a list must include it.
    /// </summary>
    // Defaulted after binding (see AddJobs): the configuration binder appends to an array's initial items instead of replacing them.
    public string[] Queues { get; set; } = [];

    /// <summary>
    /// <c>Jobs:PollInterval</c>: how often the server looks for due delayed jobs and for new work in the queues.
    /// Hangfire's default is 15 s, which makes a delayed job start up to 15 s late.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Jobs:Dashboard:*</c>: whether the dashboard exists and the password it asks for.</summary>
    public JobsDashboardOptions Dashboard { get; set; } = new();
}
