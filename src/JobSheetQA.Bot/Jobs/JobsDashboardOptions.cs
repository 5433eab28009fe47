namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// <c>Jobs:Dashboard:*</c>: the Hangfire dashboard at <see cref="JobsOptions.DashboardPath"/>. It can enqueue, retry and
/// delete jobs, so it is off unless enabled, and then asks every caller for <see cref="Password"/>, wherever the request
/// comes from.
/// </summary>
public sealed class JobsDashboardOptions
{
    /// <summary>The shortest <see cref="Password"/> accepted at start-up.</summary>
    public const int MinPasswordLength = 16;

    /// <summary><c>Jobs:Dashboard:Enabled</c>: maps the dashboard. Off, <see cref="JobsOptions.DashboardPath"/> does not exist (the job server runs either way).</summary>
    public bool Enabled { get; set; }

    /// <summary><c>Jobs:Dashboard:User</c>: the user name the browser must send with the password. Unset, any user name goes.</summary>
    public string? User { get; set; }

    /// <summary><c>Jobs:Dashboard:Password</c>: required when <see cref="Enabled"/>; at least <see cref="MinPasswordLength"/> characters. A secret: never logged.</summary>
    public string? Password { get; set; }
}
