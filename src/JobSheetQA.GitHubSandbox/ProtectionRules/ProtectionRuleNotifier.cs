using JobSheetQA.GitHubSandbox.Auth;
using JobSheetQA.GitHubSandbox.Hosting;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;
using JobSheetQA.GitHubSandbox.Webhooks;

namespace JobSheetQA.GitHubSandbox.ProtectionRules;

/// <summary>
/// Plays GitHub's webhooks to <see cref="SandboxProtectionRuleOptions.WebhookUrl"/>, each signed with its secret and sent
/// once (GitHub does not retry a failed delivery either): the custom deployment protection rule's
/// <c>deployment_protection_rule</c> when a run's Deploy job starts waiting for it, and <c>workflow_run</c> /
/// <c>workflow_job</c> whenever a run or one of its jobs changes status. Looks every 100 ms of real time; the run states
/// come from the simulation clock as everywhere else. Runs and jobs already there when it starts (a restart on a state
/// file) are not announced again.
/// </summary>
internal sealed class ProtectionRuleNotifier(SandboxState state, PromotionSimulator simulator, AppAuthentication app, ILogger<ProtectionRuleNotifier> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    // The statuses last announced, by "run:<id>" / "job:<id>".
    private readonly Dictionary<string, string> announced = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes what is already there as announced before the host goes on: since .NET 10 <see cref="ExecuteAsync"/> runs on
    /// the thread pool, so a baseline taken there could swallow a run started just after start-up.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, status, _) in Changes())
        {
            announced[key] = status;
        }

        return base.StartAsync(cancellationToken);
    }

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

            var api = new Uri(baseAddress, "api/v3/");
            foreach (var (key, status, delivery) in Changes())
            {
                announced[key] = status;
                using var request = HookshotRequest.Create(target, delivery.Event, delivery.Body(api), Guid.NewGuid().ToString(), rule.WebhookSecret);
                await SendAsync(client, request, target, $"{delivery.Event} for {key}", stoppingToken);
            }

            foreach (var run in simulator.AwaitingProtectionRuleDelivery())
            {
                simulator.MarkProtectionRuleDelivered(run.Id);
                var body = ProtectionRuleDelivery.Body(run, api, state.Options.Owner, state.Options.Repo, app.InstallationId ?? 1);
                using var request = ProtectionRuleDelivery.Request(target, body, Guid.NewGuid().ToString(), rule.WebhookSecret);
                await SendAsync(client, request, target, $"{ProtectionRuleDelivery.EventName} for run {run.Id} ({run.TargetEnvironment})", stoppingToken);
            }
        }
    }

    /// <summary>Every run and job whose status differs from the one last announced, with the delivery announcing it.</summary>
    private IEnumerable<(string Key, string Status, WorkflowChange Delivery)> Changes()
    {
        var (owner, repo) = (state.Options.Owner, state.Options.Repo);
        foreach (var run in simulator.Snapshots().Select(PromotionSimulator.Summarise).Reverse())
        {
            var runKey = $"run:{run.Id}";
            if (announced.GetValueOrDefault(runKey) is var last && WorkflowDelivery.RunAction(run.Status) != (last is null ? null : WorkflowDelivery.RunAction(last)))
            {
                var summary = run;
                yield return (runKey, run.Status, new WorkflowChange(WorkflowDelivery.RunEvent, api => WorkflowDelivery.Run(summary, api, owner, repo)));
            }

            foreach (var job in run.Jobs)
            {
                var jobKey = $"job:{job.Id}";
                if (announced.GetValueOrDefault(jobKey) is var lastJob && WorkflowDelivery.JobAction(job.Status) != (lastJob is null ? null : WorkflowDelivery.JobAction(lastJob)))
                {
                    var (summary, current) = (run, job);
                    yield return (jobKey, job.Status, new WorkflowChange(WorkflowDelivery.JobEvent, api => WorkflowDelivery.Job(summary, current, api, owner, repo)));
                }
            }
        }
    }

    /// <param name="what">The delivery, for the log line ("workflow_run for run:9000001").</param>
    private async Task SendAsync(Func<HttpClient> client, HttpRequestMessage request, Uri target, string what, CancellationToken stoppingToken)
    {
        try
        {
            using var response = await client().SendAsync(request, stoppingToken);
            SandboxLog.WebhookDelivered(logger, what, target, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            SandboxLog.WebhookDeliveryFailed(logger, what, target, ex.Message);
        }
    }

    /// <summary>A <c>workflow_run</c> or <c>workflow_job</c> delivery, its body made against the sandbox's API root.</summary>
    private sealed record WorkflowChange(string Event, Func<Uri, string> Body);
}
