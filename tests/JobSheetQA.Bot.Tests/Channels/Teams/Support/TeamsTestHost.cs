using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.Chat.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>
/// The whole bot (Program.cs) in a temporary folder, configured as a registered Azure Bot whose Microsoft side is the
/// <see cref="BotFrameworkRig"/> on 127.0.0.1: its metadata, token endpoint (trusted by the bot's token client only) and
/// Bot Connector. Tests post activities to <c>/api/messages</c> as Teams would.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<TeamsActivityProcessor> root;
    private readonly WebApplicationFactory<TeamsActivityProcessor> factory;
    private readonly HttpClient client;

    private TeamsTestHost(BotFrameworkRig rig, string contentRoot, IDictionary<string, string?> settings, string environment, Action<IServiceCollection>? configureServices)
    {
        Rig = rig;
        ContentRoot = contentRoot;
        root = new WebApplicationFactory<TeamsActivityProcessor>();
        factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(contentRoot);
            builder.UseEnvironment(environment);
            foreach (var (key, value) in Settings(rig).Concat(settings))
                builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(Handlers);
                services.AddSingleton<IChatTextHandler>(Handlers);
                services.AddSingleton<IChatFormHandler>(Handlers);
                services.AddHttpClient(TeamsHttpClients.Token).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    // Trust exactly the rig's self-signed certificate, nothing else.
                    ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == rig.Certificate.Thumbprint,
                });
                configureServices?.Invoke(services);
            });
        });
        client = factory.CreateClient();
    }

    public BotFrameworkRig Rig { get; }

    public string ContentRoot { get; }

    public TestCardHandlers Handlers { get; } = new();

    public IServiceProvider Services => factory.Services;

    public T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>A registered multi-tenant bot pointed at the rig.</summary>
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
    };

    /// <summary>
    /// Starts the bot; <paramref name="settings"/> override <see cref="Settings"/> (a null value removes a key's effect);
    /// <paramref name="configureServices"/> replaces services after Program.cs.
    /// </summary>
    public static TeamsTestHost Start(
        BotFrameworkRig rig, IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? configureServices = null)
    {
        var host = new TeamsTestHost(rig, Directory.CreateTempSubdirectory("jobsheetqa-teams-").FullName, settings ?? new Dictionary<string, string?>(), environment, configureServices);
        try
        {
            _ = host.factory.Server;
            return host;
        }
        catch
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Posts an activity with the given Authorization header value (null = none).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
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

    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request) => client.SendAsync(request);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await root.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
