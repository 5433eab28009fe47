using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>A GitHub sandbox on 127.0.0.1 and the real gateway (Octokit over HTTP, wired by <c>AddGitHubGateway</c>)
/// pointed at it in <c>GitHub</c> mode, with recorded delays and captured logs.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "github_pat_11TESTSECRET_sandboxTokenValue0123456789";

    private GatewayHarness(SandboxApp sandbox, ServiceProvider services, RecordingDelayer delays, CapturingLoggerProvider logs)
    {
        Sandbox = sandbox;
        Services = services;
        Delays = delays;
        Logs = logs;
    }

    public SandboxApp Sandbox { get; }

    public SandboxControl Control => Sandbox.Control;

    public ServiceProvider Services { get; }

    public RecordingDelayer Delays { get; }

    public CapturingLoggerProvider Logs { get; }

    public IRepositoryFacts Facts => Services.GetRequiredService<IRepositoryFacts>();

    public IPromotionDispatcher Dispatcher => Services.GetRequiredService<IPromotionDispatcher>();

    public IWorkflowRunTracker Tracker => Services.GetRequiredService<IWorkflowRunTracker>();

    public string Owner => Sandbox.Options.Owner;

    public string Repo => Sandbox.Options.Repo;

    /// <summary>API requests the sandbox logged, oldest first (a request is logged before its answer leaves).</summary>
    public IReadOnlyList<RequestLogEntry> Requests => Control.RequestLog;

    public void ClearRequestLog() => Control.ClearRequestLog();

    public static async Task<GatewayHarness> StartAsync(
        Action<SandboxOptions>? sandbox = null,
        Action<Dictionary<string, string?>>? settings = null,
        TimeProvider? timeProvider = null,
        bool useToken = true)
    {
        var sandboxOptions = new SandboxOptions { StepDelay = TimeSpan.FromMilliseconds(50) };
        if (useToken)
        {
            sandboxOptions.Tokens = [Token];
        }

        if (timeProvider is not null)
        {
            sandboxOptions.TimeProvider = timeProvider;
        }

        sandbox?.Invoke(sandboxOptions);
        var app = await SandboxHost.StartAsync(sandboxOptions);
        await WarmUpAsync(app, useToken);

        var values = new Dictionary<string, string?>
        {
            ["GitHub:Mode"] = "GitHub",
            ["GitHub:BaseUrl"] = app.BaseAddress.ToString(),
            ["GitHub:Owner"] = sandboxOptions.Owner,
            ["GitHub:Repository"] = sandboxOptions.Repo,
            ["GitHub:RequestTimeout"] = "00:00:10",
            ["GitHub:RetryBaseDelay"] = "00:00:01",
            ["GitHub:CorrelationTimeout"] = "00:00:30",
            ["GitHub:CorrelationPollInterval"] = "00:00:02",
        };
        if (useToken)
        {
            values["GitHub:Token"] = Token;
        }

        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var delays = new RecordingDelayer();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSingleton<IGitHubDelayer>(delays);
        services.AddGitHubGateway(configuration);
        return new GatewayHarness(app, services.BuildServiceProvider(validateScopes: true), delays, logs);
    }

    /// <summary>A fresh sandbox's first requests take seconds (JIT, fixtures, YAML); tests with short client timeouts
    /// must not measure that, so one workflow read and one rejected dispatch go first and are then forgotten.</summary>
    private static async Task WarmUpAsync(SandboxApp app, bool useToken)
    {
        using var http = new HttpClient { BaseAddress = app.ApiBaseAddress };
        http.DefaultRequestHeaders.Add("User-Agent", "warm-up");
        if (useToken)
        {
            http.DefaultRequestHeaders.Add("Authorization", "token " + Token);
        }

        var repo = $"repos/{app.Options.Owner}/{app.Options.Repo}";
        (await http.GetAsync($"{repo}/actions/workflows/promotion.yml")).Dispose();
        (await http.PostAsync($"{repo}/actions/workflows/promotion.yml/dispatches",
            new StringContent("""{"ref":"no-such-branch"}""", System.Text.Encoding.UTF8, "application/json"))).Dispose();
        app.Control.ClearRequestLog();
    }

    /// <summary>Requests whose path (without the /api/v3 prefix) matches.</summary>
    public IReadOnlyList<RequestLogEntry> RequestsTo(string method, string pathPrefix) =>
        Requests.Where(r => r.Method == method && r.Path.Replace("/api/v3", "", StringComparison.Ordinal).StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public string RepoPath(string rest) => $"/repos/{Owner}/{Repo}{rest}";

    /// <summary>Waits (real time, the sandbox's clock) until the run is completed.</summary>
    public async Task<WorkflowRunSnapshot> WaitForCompletionAsync(long runId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var run = await Tracker.GetRunAsync(runId);
            Assert.True(run.Succeeded, run.Error?.Message);
            if (run.Value.IsCompleted)
            {
                return run.Value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not complete: {run.Value.Status}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
