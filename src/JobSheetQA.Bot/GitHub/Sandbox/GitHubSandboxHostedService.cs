using System.Globalization;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.GitHub.Webhooks;
using JobSheetQA.Bot.Storage;
using JobSheetQA.GitHubSandbox.Hosting;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.GitHub.Sandbox;

/// <summary>Mode <c>Sandbox</c>: runs the local GitHub sandbox in-process on 127.0.0.1 (a free port) and points the
/// gateway at it, so the bot works on one machine with no real GitHub (docs/architecture.md). Its runs are kept in the
/// data folder, so promotions in flight when the bot stops still finish after it starts again, as they would on GitHub
/// (docs/architecture.md, "Where state lives"). The sandbox's control API (<c>/_sandbox/</c>) takes a bearer token
/// generated afresh at every start; it is never logged, and only this process (and its tests, through
/// <see cref="Sandbox"/>) knows it.</summary>
internal sealed class GitHubSandboxHostedService(
    GitHubTargetAccessor target,
    IOptions<GitHubOptions> options,
    IOptions<StorageOptions> storage,
    IHostEnvironment environment,
    IOptions<ProtectionRuleOptions> protectionRule,
    IOptions<WebhookOptions> webhooks,
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<GitHubSandboxHostedService> logger) : IHostedService, IAsyncDisposable
{
    public const string StateFileName = "github-sandbox.json";

    private SandboxApp? sandbox;

    /// <summary>The running sandbox (its <see cref="SandboxApp.ControlToken"/> and <see cref="SandboxApp.Control"/>); null
    /// before start and after stop.</summary>
    internal SandboxApp? Sandbox => sandbox;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Mode != GitHubMode.Sandbox)
        {
            return;
        }

        var dataDirectory = Directory.CreateDirectory(storage.Value.DataDirectoryPath(environment.ContentRootPath)).FullName;
        var sandboxOptions = new SandboxOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            TimeProvider = timeProvider,
            StateFile = Path.Combine(dataDirectory, StateFileName),
            // No ControlToken: the sandbox generates a random one for this start.
        };
        if (!string.IsNullOrWhiteSpace(settings.Owner))
        {
            sandboxOptions.Owner = settings.Owner;
        }

        if (!string.IsNullOrWhiteSpace(settings.Repository))
        {
            sandboxOptions.Repo = settings.Repository;
        }

        // Configured credentials are honoured by the sandbox too, so the same settings exercise the same auth path.
        if (settings.HasToken)
        {
            sandboxOptions.Tokens = [settings.Token!];
        }
        else if (settings.App.AnySet && long.TryParse(settings.App.AppId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var appId))
        {
            sandboxOptions.App = new SandboxAppOptions
            {
                AppId = appId,
                PublicKeyPem = settings.App.NormalizedPrivateKey,
                InstallationId = settings.App.InstallationId ?? 1,
            };
        }

        // The protection rule on the sandbox's environments, answering to this bot's webhook endpoint with its secret.
        if (protectionRule.Value.Enabled)
        {
            var transport = services.GetService<SandboxWebhookTransport>();
            sandboxOptions.ProtectionRule = new SandboxProtectionRuleOptions
            {
                WebhookUrl = transport?.Url ?? protectionRule.Value.SandboxWebhookUrl,
                WebhookSecret = webhooks.Value.Secret,
                WebhookHandler = transport?.Handler,
            };
        }

        // The sandbox is a separate web app built while this host starts. Without the ambient execution context,
        // anything watching this host's construction (WebApplicationFactory's hosting listener, which is keyed on an
        // AsyncLocal) cannot mistake the sandbox's host for the bot's and, say, swap its Kestrel for a TestServer.
        Task<SandboxApp> starting;
        using (ExecutionContext.SuppressFlow())
        {
            starting = Task.Run(() => SandboxHost.StartAsync(sandboxOptions, cancellationToken), cancellationToken);
        }

        sandbox = await starting;
        target.Set(new GitHubTarget(sandbox.ApiBaseAddress, sandboxOptions.Owner, sandboxOptions.Repo, settings.Workflow));
        GitHubLog.SandboxBanner(logger, sandboxOptions.Owner, sandboxOptions.Repo, sandbox.BaseAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (sandbox is { } running)
        {
            sandbox = null;
            await running.StopAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));
}
