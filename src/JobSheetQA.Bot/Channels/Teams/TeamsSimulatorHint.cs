using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// A newcomer who has just typed <c>dotnet run</c> needs to know how to talk to the bot: in Development with no
/// <c>MicrosoftAppId</c> (anonymous callers accepted) it logs, once the host listens, the command that opens the local
/// Teams simulator on this bot's <c>/api/messages</c> (README "Talk to it"). Nothing is logged anywhere else.
/// </summary>
internal sealed class TeamsSimulatorHint(
    IHostEnvironment environment,
    IOptions<BotCredentialsOptions> credentials,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<TeamsSimulatorHint> logger) : IHostedService
{
    /// <summary>The simulator version README pins; newer ones may change their command line.</summary>
    public const string SimulatorPackage = "@microsoft/m365agentsplayground@0.2.28";

    /// <summary>Where the simulator's web page listens.</summary>
    public const int SimulatorPort = 56150;

    private const string FallbackAddress = "http://127.0.0.1:3978";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment() && credentials.Value.IsAnonymous)
            lifetime.ApplicationStarted.Register(() => TeamsLog.SimulatorHint(logger, Command(ListeningAddress())));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The simulator command for a bot listening on <paramref name="listeningAddress"/> (as Kestrel reports it: wildcard hosts and localhost become 127.0.0.1).</summary>
    public static string Command(string listeningAddress)
    {
        var endpoint = MessagesEndpoint(listeningAddress);
        return $"APPLICATION_INSIGHTS_NO_STATSBEAT=1 npx -p {SimulatorPackage} agentsplayground -e {endpoint} -c msteams -p {SimulatorPort} --disable-telemetry   # then open http://localhost:{SimulatorPort}";
    }

    private static string MessagesEndpoint(string listeningAddress)
    {
        // Kestrel reports "http://[::]:3978" or "http://+:3978" for wildcard bindings, which Uri cannot always parse.
        var normalised = listeningAddress.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri))
            uri = new Uri(FallbackAddress);
        var host = uri.Host is "localhost" or "0.0.0.0" or "[::]" or "::" or "[::1]" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, TeamsEndpoints.Path).Uri.ToString();
    }

    private string ListeningAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? FallbackAddress;
    }
}
