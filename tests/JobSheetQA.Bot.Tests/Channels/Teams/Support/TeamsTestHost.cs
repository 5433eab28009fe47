using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Channels.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>
/// The whole bot (Program.cs) in a temporary folder, configured as a registered Azure Bot whose Microsoft side is the
/// <see cref="BotFrameworkRig"/> on 127.0.0.1: its metadata, token endpoint (trusted by the bot's token client only) and
/// Bot Connector. Tests post activities to <c>/api/messages</c> as Teams would.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly BotHost bot;
    private readonly HttpClient client;

    private TeamsTestHost(BotFrameworkRig rig, TestCardHandlers handlers, BotHost bot)
    {
        Rig = rig;
        Handlers = handlers;
        this.bot = bot;
        client = bot.CreateClient();
    }

    public BotFrameworkRig Rig { get; }

    public string ContentRoot => bot.ContentRoot;

    public TestCardHandlers Handlers { get; }

    public IServiceProvider Services => bot.Services;

    public T Get<T>() where T : notnull => bot.Get<T>();

    /// <summary>
    /// The setting that pins the bot to the tenant the test activities come from: required outside Development, and the
    /// way to try tenant pinning in Development (where, left out, any tenant is accepted).
    /// </summary>
    public static Dictionary<string, string?> PinnedToTestTenant => new() { ["Teams:AllowedTenants:0"] = TestTokens.TenantId };

    /// <summary>A registered multi-tenant bot pointed at the rig (Development: any tenant).</summary>
    public static Dictionary<string, string?> Settings(BotFrameworkRig rig) => new()
    {
        ["Jobs:PollInterval"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["MicrosoftAppId"] = TestTokens.AppId,
        ["MicrosoftAppPassword"] = "test-client-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["Teams:BotFrameworkOpenIdMetadataUrl"] = rig.BotFrameworkMetadataUrl,
        ["Teams:EntraOpenIdMetadataUrl"] = rig.EntraMetadataUrl,
        ["Teams:TokenAuthorityHost"] = rig.HttpsBase,
        ["Teams:RetryBaseDelay"] = "00:00:00.020",
        ["Inbound:PollInterval"] = "00:00:00.100",
        ["Inbound:RetryBaseDelay"] = "00:00:00.050",
    };

    /// <summary>
    /// Starts the bot; <paramref name="settings"/> override <see cref="Settings"/> (a null value removes a key's effect);
    /// <paramref name="configureServices"/> replaces services after Program.cs.
    /// </summary>
    public static TeamsTestHost Start(
        BotFrameworkRig rig, IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? configureServices = null) =>
        Start(rig, Directory.CreateTempSubdirectory("jobsheetqa-teams-").FullName, ownsContentRoot: true, settings, environment, configureServices);

    /// <summary>Starts the bot again on the folder (and database) of one that was stopped: a restart.</summary>
    public static TeamsTestHost Restart(
        BotFrameworkRig rig, string contentRoot, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        Start(rig, contentRoot, ownsContentRoot: false, settings, "Development", configureServices);

    private static TeamsTestHost Start(
        BotFrameworkRig rig, string contentRoot, bool ownsContentRoot, IDictionary<string, string?>? settings, string environment, Action<IServiceCollection>? configureServices)
    {
        var handlers = new TestCardHandlers();
        var bot = BotHost.Start(
            contentRoot,
            ownsContentRoot,
            Settings(rig).Concat(settings ?? new Dictionary<string, string?>()),
            services =>
            {
                services.AddSingleton(handlers);
                services.AddSingleton<IChatTextHandler>(handlers);
                services.AddSingleton<IChatFormHandler>(handlers);
                services.AddHttpClient(TeamsHttpClients.Token).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    // Trust exactly the rig's self-signed certificate, nothing else.
                    ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == rig.Certificate.Thumbprint,
                });
                configureServices?.Invoke(services);
            },
            environment);
        return new TeamsTestHost(rig, handlers, bot);
    }

    /// <summary>
    /// Posts an activity with the given Authorization header value (null = none) and, once answered, waits until the
    /// inbound worker has handled every stored turn (Teams gets its 200 before the turn is handled), so what the bot sent
    /// is on the connector when this returns.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        var response = await PostWithoutWaitingAsync(activity, authorization);
        await WaitForTurnsAsync();
        return response;
    }

    /// <summary>Waits until no stored inbound turn is waiting or being handled.</summary>
    public Task WaitForTurnsAsync(TimeSpan? timeout = null) => StoredTurns.WaitUntilFinishedAsync(bot.Services, timeout);

    /// <summary>Posts an activity and returns as soon as the bot answered the HTTP request.</summary>
    public async Task<HttpResponseMessage> PostWithoutWaitingAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.Path)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request);
    }

    /// <summary>Posts an activity with a valid Bot Framework token for its serviceUrl.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(JsonObject activity) =>
        PostAsync(activity, "Bearer " + TestTokens.BotFramework(Rig.BotFrameworkKeys[0], activity["serviceUrl"]!.GetValue<string>()));

    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        client.SendAsync(request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await bot.DisposeAsync();
    }
}
