using System.Globalization;
using System.Net;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Hosting;
using JobSheetQA.GitHubSandbox.ProtectionRules;

namespace JobSheetQA.Bot.Tests.GitHub.ProtectionRules;

/// <summary>
/// A GitHub sandbox on 127.0.0.1 with the bot's App as a deployment protection rule on staging and production, and a
/// bot (GitHub mode, against that sandbox, authenticated as the App) with its webhooks and the protection rule enabled. The sandbox delivers its
/// signed <c>deployment_protection_rule</c> webhooks into the bot while <see cref="AutoDeliver"/> is true; a test that
/// plays GitHub itself switches that off and posts <see cref="SandboxControl.ProtectionRuleDelivery"/> with <see cref="PostAsync"/>.
/// </summary>
public sealed class ProtectionRuleBed : IAsyncDisposable
{
    public const string Secret = "protection-rule-webhook-secret";
    public const long AppId = 4343;
    public const long InstallationId = 88;
    public const string Head = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4";

    private readonly Forwarder forwarder;

    private readonly string folder = Directory.CreateTempSubdirectory("jobsheetqa-protection-").FullName;
    private readonly TestChannel channel = new();
    private Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services;
    private IReadOnlyDictionary<string, string?> storage = new Dictionary<string, string?>();

    private ProtectionRuleBed(SandboxApp sandbox, Forwarder forwarder)
    {
        Sandbox = sandbox;
        this.forwarder = forwarder;
    }

    public SandboxApp Sandbox { get; }

    public SandboxControl Control => Sandbox.Control;

    public ChatTestHost Chat { get; private set; } = null!;

    public bool AutoDeliver { get => forwarder.Enabled; set => forwarder.Enabled = value; }

    /// <param name="storage">Storage settings (TranscriptStorage): SQLite in the bed's folder when left out.</param>
    public static async Task<ProtectionRuleBed> StartAsync(
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? storage = null)
    {
        var forwarder = new Forwarder();
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            StepDelay = TimeSpan.FromMilliseconds(100),
            // Only the App that is the rule may answer it: the bot authenticates as that App's installation.
            App = new SandboxAppOptions { AppId = AppId, PublicKeyPem = TestKeys.PublicKeyPem, InstallationId = InstallationId },
            ProtectionRule = new SandboxProtectionRuleOptions
            {
                WebhookUrl = new Uri("http://localhost/api/github/webhooks"),
                WebhookSecret = Secret,
                WebhookHandler = () => forwarder,
            },
        });
        var bed = new ProtectionRuleBed(sandbox, forwarder) { services = services, storage = storage ?? new Dictionary<string, string?>() };
        bed.StartBot();
        return bed;
    }

    /// <summary>Stops the bot and starts it again on the same data folder (same database, same chat).</summary>
    /// <param name="settings">Settings the restarted bot gets on top of <see cref="Settings"/>.</param>
    /// <param name="extraServices">Services the restarted bot gets on top of the bed's.</param>
    public async Task RestartBotAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? extraServices = null)
    {
        forwarder.Target = null;
        await Chat.DisposeAsync();
        StartBot(settings, extraServices);
    }

    private void StartBot(IReadOnlyDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? extraServices = null)
    {
        var all = Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        Chat = ChatTestHost.Restart(folder, channel, all, s =>
        {
            services?.Invoke(s);
            extraServices?.Invoke(s);
        });
        forwarder.Target = Chat.CreateHandler();
    }

    public Dictionary<string, string?> Settings() => new(storage)
    {
        ["GitHub:Mode"] = "GitHub",
        ["GitHub:BaseUrl"] = Sandbox.BaseAddress.ToString(),
        ["GitHub:Owner"] = Sandbox.Options.Owner,
        ["GitHub:Repository"] = Sandbox.Options.Repo,
        ["GitHub:App:AppId"] = AppId.ToString(CultureInfo.InvariantCulture),
        ["GitHub:App:PrivateKey"] = TestKeys.PrivateKeyPem,
        ["GitHub:App:InstallationId"] = InstallationId.ToString(CultureInfo.InvariantCulture),
        ["GitHub:RequestTimeout"] = "00:00:10",
        ["GitHub:MaxAttempts"] = "1",
        ["GitHub:Webhooks:Enabled"] = "true",
        ["GitHub:WebhookSecret"] = Secret,
        ["GitHub:ProtectionRule:Enabled"] = "true",
    };

    /// <summary>Waits until the run satisfies <paramref name="match"/>.</summary>
    public async Task<RunSummary> WaitForRunAsync(long runId, Func<RunSummary, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var run = Control.GetRun(runId) ?? throw new InvalidOperationException($"No run {runId}.");
            if (match(run))
                return run;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Run {runId} is {run.Status}/{run.Conclusion}; protection rule {run.ProtectionRule}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the run's Deploy job waits for the protection rule.</summary>
    public Task<RunSummary> WaitUntilDeployWaitsAsync(long runId) =>
        WaitForRunAsync(runId, r => r.Status == "waiting");

    /// <summary>Stops automatic deliveries, starts a run "from the Actions tab" and waits until its Deploy job waits for the rule.</summary>
    public async Task<RunSummary> StartWaitingRunAsync(string environment = "staging")
    {
        AutoDeliver = false;
        var started = Control.StartFromActionsTab("octocat", environment);
        await WaitUntilDeployWaitsAsync(started.Id);
        return started;
    }

    /// <summary>Posts a delivery to the bot's webhook endpoint as GitHub would, signed with <paramref name="secret"/> (unsigned when null).</summary>
    public async Task<HttpStatusCode> PostAsync(string body, string delivery, string? secret = Secret)
    {
        using var client = Chat.CreateClient();
        using var request = ProtectionRuleDelivery.Request(new Uri(client.BaseAddress!, "/api/github/webhooks"), body, delivery, secret);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Chat.DisposeAsync();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The sandbox's way into the bot's test server; drops deliveries (answering 202) while disabled.</summary>
    private sealed class Forwarder : HttpMessageHandler
    {
        private volatile bool enabled = true;

        public bool Enabled { get => enabled; set => enabled = value; }

        private volatile HttpMessageHandler? target;

        public HttpMessageHandler? Target { get => target; set => target = value; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!Enabled || Target is not { } bot)
                return new HttpResponseMessage(HttpStatusCode.Accepted);
            using var invoker = new HttpMessageInvoker(bot, disposeHandler: false);
            return await invoker.SendAsync(request, cancellationToken);
        }
    }
}
