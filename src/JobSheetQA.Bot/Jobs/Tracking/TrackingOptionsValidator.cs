using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>Start-up checks for the <c>Tracking</c> settings; each message names the key to fix.</summary>
internal sealed class TrackingOptionsValidator : IValidateOptions<TrackingOptions>
{
    // Below a second the tracker would spend GitHub's rate limit (5,000 requests an hour) on one run.
    internal static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        const string section = TrackingOptions.SectionName;
        var failures = new List<string>();
        if (options.PollInterval < MinPollInterval || options.PollInterval > MaxPollInterval)
            failures.Add($"{section}:PollInterval must be between {MinPollInterval:c} and {MaxPollInterval:c} (got {options.PollInterval:c}).");
        if (options.MaxBackoff <= TimeSpan.Zero || options.MaxBackoff > TimeSpan.FromHours(1))
            failures.Add($"{section}:MaxBackoff must be positive and at most 01:00:00 (got {options.MaxBackoff:c}).");
        if (options.QueuedNoticeAfter <= TimeSpan.Zero)
            failures.Add($"{section}:QueuedNoticeAfter must be positive (got {options.QueuedNoticeAfter:c}).");
        if (options.RunNotFoundAfter <= TimeSpan.Zero)
            failures.Add($"{section}:RunNotFoundAfter must be positive (got {options.RunNotFoundAfter:c}).");
        if (options.RunGoneAfter <= TimeSpan.Zero || options.RunGoneAfter > TimeSpan.FromDays(1))
            failures.Add($"{section}:RunGoneAfter must be positive and at most 1.00:00:00 (got {options.RunGoneAfter:c}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
