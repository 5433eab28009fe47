using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// Start-up checks for the <c>Teams</c> settings; each message names the key to fix. Whether an app id is set is read
/// from the configuration directly (not from the validated <see cref="BotCredentialsOptions"/>, whose own problems are
/// reported by its own check).
/// </summary>
internal sealed class TeamsOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<TeamsOptions>
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

        if (options.AllowedChannels.Length == 0)
            failures.Add($"{section}:AllowedChannels must list at least one channel id (msteams).");
        for (var i = 0; i < options.AllowedChannels.Length; i++)
        {
            var channel = options.AllowedChannels[i];
            if (string.IsNullOrWhiteSpace(channel) || channel.Trim() != channel)
                failures.Add($"{section}:AllowedChannels:{i} ('{channel}') must be a Bot Framework channel id such as msteams.");
        }

        var tenants = options.AllowedTenants ?? [];
        for (var i = 0; i < tenants.Length; i++)
        {
            if (!Guid.TryParse(tenants[i], out _))
                failures.Add($"{section}:AllowedTenants:{i} must be an Entra tenant id, a GUID (got '{tenants[i]}').");
        }

        var appIdSet = !string.IsNullOrWhiteSpace(configuration[nameof(BotCredentialsOptions.MicrosoftAppId)]);
        if (tenants.Length == 0 && appIdSet && !environment.IsDevelopment())
        {
            failures.Add(
                $"{section}:AllowedTenants must list the Entra tenant ids whose users may use the bot (MicrosoftAppId is set and this is " +
                $"'{environment.EnvironmentName}'; only Development accepts any tenant). Set {section}__AllowedTenants__0 to your tenant id.");
        }

        if (options.AcceptAgentTokens && !options.AcceptEntraTokens)
            failures.Add($"{section}:AcceptAgentTokens is true but {section}:AcceptEntraTokens is false: agent tokens are Entra-issued, so turn both on or leave AcceptAgentTokens off.");

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
