using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>Start-up checks for the <c>Tracking</c> settings; each message names the key to fix.</summary>
internal sealed class TrackingOptionsValidator : IValidateOptions<TrackingOptions>
{
    // Below a second the tracker would spend GitHub's rate limit (5,000 requests an hour) on one run.
    internal static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, TrackingOptions options) =>
        options.PollInterval < MinPollInterval || options.PollInterval > MaxPollInterval
            ? ValidateOptionsResult.Fail(
                $"{TrackingOptions.SectionName}:PollInterval must be between {MinPollInterval:c} and {MaxPollInterval:c} (got {options.PollInterval:c}).")
            : ValidateOptionsResult.Success;
}
