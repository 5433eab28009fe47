using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>Start-up checks for the <c>Slack</c> settings; each message names the key to fix. Nothing is checked while Slack is off.</summary>
internal sealed partial class SlackOptionsValidator(IHostEnvironment environment) : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;

        const string section = SlackOptions.SectionName;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningSecret))
            failures.Add($"{section}:SigningSecret is required when {section}:Enabled is true: every request from Slack is verified with it (app settings → Basic Information → Signing Secret).");
        if (string.IsNullOrWhiteSpace(options.BotToken))
            failures.Add($"{section}:BotToken is required when {section}:Enabled is true: replies are posted with it (OAuth & Permissions → Bot User OAuth Token, xoxb-…).");
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            failures.Add($"{section}:BotToken must be a bot token starting with 'xoxb-'.");
        var teams = options.AllowedTeams ?? [];
        if (teams.Length == 0 && !environment.IsDevelopment())
        {
            failures.Add(
                $"{section}:AllowedTeams must list the workspace ids (T…) or Enterprise Grid ids (E…) the bot serves while {section}:Enabled " +
                $"is true (this is '{environment.EnvironmentName}'; only Development serves any workspace). Set {section}__AllowedTeams__0.");
        }

        for (var i = 0; i < teams.Length; i++)
        {
            if (teams[i] is null || !TeamOrEnterpriseId().IsMatch(teams[i]))
                failures.Add($"{section}:AllowedTeams:{i} must be a team id (T…) or an enterprise id (E…) (got '{teams[i]}').");
        }

        if (options.AppToken is { } appToken && !appToken.StartsWith("xapp-", StringComparison.Ordinal))
            failures.Add($"{section}:AppToken must be an app-level token starting with 'xapp-' (or be left out to receive events over HTTP only).");
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
            failures.Add($"{section}:ApiBaseUrl must be an absolute https URL (got '{options.ApiBaseUrl}').");
        // The bot and app tokens travel to it: over TLS, plain http only to this machine (test doubles on 127.0.0.1).
        else if (options.ApiBaseUrl.Scheme == "http" && !options.ApiBaseUrl.IsLoopback)
            failures.Add($"{section}:ApiBaseUrl must use https: the bot token is sent to it (http is allowed only for a loopback address) (got '{options.ApiBaseUrl}').");
        else if (!options.ApiBaseUrl.AbsolutePath.EndsWith('/'))
            failures.Add($"{section}:ApiBaseUrl must end with '/' so method names are appended to it (got '{options.ApiBaseUrl}').");
        var roots = options.ResponseUrlRoots ?? [];
        for (var i = 0; i < roots.Length; i++)
        {
            if (!Uri.TryCreate(roots[i], UriKind.Absolute, out var root) || !(root.Scheme == "https" || (root.Scheme == "http" && root.IsLoopback)))
                failures.Add($"{section}:ResponseUrlRoots:{i} must be an absolute https URL (http only for a loopback address) (got '{roots[i]}').");
            else if (!root.AbsolutePath.EndsWith('/'))
                failures.Add($"{section}:ResponseUrlRoots:{i} must end with '/' (got '{root}').");
        }

        if (options.CommandResponseType is not ("ephemeral" or "in_channel"))
            failures.Add($"{section}:CommandResponseType must be 'ephemeral' or 'in_channel' (got '{options.CommandResponseType}').");
        if (options.QueueCapacity is < 1 or > 100_000)
            failures.Add($"{section}:QueueCapacity must be between 1 and 100000 (got {options.QueueCapacity}).");
        if (options.MaxAttempts is < 1 or > 10)
            failures.Add($"{section}:MaxAttempts must be between 1 and 10 (got {options.MaxAttempts}).");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
            failures.Add($"{section}:RetryBaseDelay must be between 00:00:00 and 00:01:00 (got {options.RetryBaseDelay:c}).");
        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(10))
            failures.Add($"{section}:MaxRetryAfter must be between 00:00:00 and 00:10:00 (got {options.MaxRetryAfter:c}).");
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"{section}:RequestTimeout must be more than zero and at most 00:05:00 (got {options.RequestTimeout:c}).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[TE][A-Z0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamOrEnterpriseId();
}
