using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>Start-up checks for the <c>WriteWindows</c> settings; each message names the key to fix.</summary>
internal sealed class WriteWindowOptionsValidator : IValidateOptions<WriteWindowOptions>
{
    public ValidateOptionsResult Validate(string? name, WriteWindowOptions options)
    {
        const string section = WriteWindowOptions.SectionName;
        var failures = new List<string>();
        if (options.RestoreRetryInitial < TimeSpan.FromSeconds(1) || options.RestoreRetryInitial > TimeSpan.FromHours(1))
            failures.Add($"{section}:RestoreRetryInitial must be between 00:00:01 and 01:00:00 (got {options.RestoreRetryInitial:c}).");
        if (options.RestoreRetryMax < options.RestoreRetryInitial || options.RestoreRetryMax > TimeSpan.FromHours(6))
            failures.Add($"{section}:RestoreRetryMax must be at least {section}:RestoreRetryInitial and at most 06:00:00 (got {options.RestoreRetryMax:c}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
