using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>Start-up checks for the <c>Teams</c> settings; each message names the key to fix.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    internal const int MinRequestBytes = 4 * 1024;
    internal const int MaxRequestBytesLimit = 16 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        const string section = TeamsOptions.SectionName;
        var failures = new List<string>();

        CheckUrl(failures, $"{section}:BotFrameworkOpenIdMetadataUrl", options.BotFrameworkOpenIdMetadataUrl);
        CheckUrl(failures, $"{section}:EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl);
        CheckUrl(failures, $"{section}:TokenAuthorityHost", options.TokenAuthorityHost, httpsOnly: true);

        if (string.IsNullOrWhiteSpace(options.TokenScope))
            failures.Add($"{section}:TokenScope must name the Bot Connector scope (https://api.botframework.com/.default).");

        for (var i = 0; i < options.AllowedServiceUrlHosts.Length; i++)
        {
            var host = options.AllowedServiceUrlHosts[i];
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/') || host.Contains(':') || host.StartsWith('.'))
                failures.Add($"{section}:AllowedServiceUrlHosts:{i} ('{host}') must be a host name such as botframework.com (no scheme, port or path).");
        }

        if (options.MaxRequestBytes < MinRequestBytes || options.MaxRequestBytes > MaxRequestBytesLimit)
            failures.Add($"{section}:MaxRequestBytes must be between {MinRequestBytes} and {MaxRequestBytesLimit} (got {options.MaxRequestBytes}).");
        if (options.MaxAttempts < 1 || options.MaxAttempts > 10)
            failures.Add($"{section}:MaxAttempts must be between 1 and 10 (got {options.MaxAttempts}).");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromSeconds(30))
            failures.Add($"{section}:RetryBaseDelay must be between 00:00:00 and 00:00:30 (got {options.RetryBaseDelay:c}).");
        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(10))
            failures.Add($"{section}:MaxRetryAfter must be between 00:00:00 and 00:10:00 (got {options.MaxRetryAfter:c}).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string? value, bool httpsOnly = false)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key} must be an absolute https URL (got '{value}').");
            return;
        }

        // Keys and tokens travel over TLS; plain http only to this machine (test rigs).
        if (uri.Scheme == Uri.UriSchemeHttp && (httpsOnly || !uri.IsLoopback))
            failures.Add($"{key} must use https{(httpsOnly ? "" : " (http is allowed only for a loopback address)")} (got '{value}').");
    }
}
