using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams.Connector;

/// <summary>
/// Which <c>serviceUrl</c>s the bot calls with its token (docs/protocol-conformance.md C1.13): https hosts on
/// <c>Teams:AllowedServiceUrlHosts</c> (or below them), and in Development also loopback hosts over http (the local
/// Teams simulator). A forged or stale serviceUrl elsewhere gets nothing, least of all the token.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options, IHostEnvironment environment)
{
    public bool IsAllowed(Uri serviceUrl)
    {
        if (serviceUrl.IsLoopback)
            return environment.IsDevelopment() && serviceUrl.Scheme is "http" or "https";
        if (serviceUrl.Scheme != Uri.UriSchemeHttps)
            return false;

        var host = serviceUrl.IdnHost.TrimEnd('.');
        return options.Value.AllowedServiceUrlHosts.Any(allowed =>
            host.Equals(allowed, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
    }
}
