using JobSheetQA.GitHubSandbox.Auth;
using JobSheetQA.GitHubSandbox.Hosting;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.ProtectionRules;

/// <summary>
/// Plays GitHub's part of a custom deployment protection rule: when a run's Deploy job starts waiting for the rule, sends
/// the signed <c>deployment_protection_rule</c> webhook to <see cref="SandboxProtectionRuleOptions.WebhookUrl"/> once
/// (GitHub does not retry a failed delivery either). Looks every 100 ms of real time; the run states come from the
/// simulation clock as everywhere else.
/// </summary>
internal sealed class ProtectionRuleNotifier(SandboxState state, PromotionSimulator simulator, AppAuthentication app, ILogger<ProtectionRuleNotifier> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (state.Options.ProtectionRule is not { WebhookUrl: { } target } rule)
        {
            return;
        }

        // Made at the first delivery: an in-process host's handler may exist only once that host has started.
        HttpClient? client = null;
        try
        {
            await DeliverAsync(target, rule, () => client ??= Client(rule), stoppingToken);
        }
        finally
        {
            client?.Dispose();
        }
    }

    private static HttpClient Client(SandboxProtectionRuleOptions rule) =>
        new(rule.WebhookHandler is { } handler ? handler() : new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(10) };

    private async Task DeliverAsync(Uri target, SandboxProtectionRuleOptions rule, Func<HttpClient> client, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (state.BaseAddress is not { } baseAddress)
            {
                continue;
            }

            foreach (var run in simulator.AwaitingProtectionRuleDelivery())
            {
                simulator.MarkProtectionRuleDelivered(run.Id);
                var body = ProtectionRuleDelivery.Body(run, new Uri(baseAddress, "api/v3/"), state.Options.Owner, state.Options.Repo, app.InstallationId ?? 1);
                using var request = ProtectionRuleDelivery.Request(target, body, Guid.NewGuid().ToString(), rule.WebhookSecret);
                try
                {
                    using var response = await client().SendAsync(request, stoppingToken);
                    SandboxLog.ProtectionRuleDelivered(logger, run.Id, run.TargetEnvironment, target, (int)response.StatusCode);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    SandboxLog.ProtectionRuleDeliveryFailed(logger, run.Id, target, ex.Message);
                }
            }
        }
    }
}
