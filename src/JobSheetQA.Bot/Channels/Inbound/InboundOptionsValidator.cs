using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>Start-up checks for the <c>Inbound</c> settings; each message names the key to fix.</summary>
internal sealed class InboundOptionsValidator : IValidateOptions<InboundOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundOptions options)
    {
        const string section = InboundOptions.SectionName;
        var failures = new List<string>();
        if (options.Workers is < 1 or > 64)
            failures.Add($"{section}:Workers must be between 1 and 64 (got {options.Workers}).");
        if (options.MaxAttempts is < 1 or > 20)
            failures.Add($"{section}:MaxAttempts must be between 1 and 20 (got {options.MaxAttempts}).");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(5))
            failures.Add($"{section}:RetryBaseDelay must be between 00:00:00 and 00:05:00 (got {options.RetryBaseDelay}).");
        if (options.Lease < TimeSpan.FromSeconds(1) || options.Lease > TimeSpan.FromHours(1))
            failures.Add($"{section}:Lease must be between 00:00:01 and 01:00:00 (got {options.Lease}).");
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(1))
            failures.Add($"{section}:PollInterval must be between 00:00:00.010 and 00:01:00 (got {options.PollInterval}).");
        // The Bot Service gives up on an invoke after about 15 s; the answer has to be well inside that.
        if (options.InvokeAnswerWithin < TimeSpan.Zero || options.InvokeAnswerWithin > TimeSpan.FromSeconds(10))
            failures.Add($"{section}:InvokeAnswerWithin must be between 00:00:00 and 00:00:10 (got {options.InvokeAnswerWithin}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
