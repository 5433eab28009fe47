using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>One request the Bot Connector double received, as sent (raw path, so URL encoding is visible).</summary>
public sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, JsonObject? Body, DateTimeOffset ReceivedAt);

/// <summary>
/// Microsoft's side of a Teams conversation, on 127.0.0.1 over real HTTP (Kestrel, port 0): Bot Framework and Entra
/// OpenID metadata publishing test RSA keys (with endorsements), an Entra token endpoint over HTTPS (MSAL insists on
/// https) and a Bot Connector that records everything the bot sends and answers as scripted.
/// </summary>
public sealed class BotFrameworkRig : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ConnectorRequest> connectorRequests = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> tokenRequests = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> scripted = new();
    private int nextActivityId;
    private int metadataFetches;

    private BotFrameworkRig(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    /// <summary>Keys the Bot Framework metadata publishes (mutable: tests rotate keys).</summary>
    public List<TestSigningKey> BotFrameworkKeys { get; } = [TestSigningKey.Create("bf-key-1", ["msteams", "emulator"])];

    public List<TestSigningKey> EntraKeys { get; } = [TestSigningKey.Create("entra-key-1", [])];

    public X509Certificate2 Certificate { get; }

    public string HttpBase { get; private set; } = "";

    public string HttpsBase { get; private set; } = "";

    /// <summary>The serviceUrl activities carry: the connector double.</summary>
    public string ServiceUrl => $"{HttpBase}/connector/";

    public string BotFrameworkMetadataUrl => $"{HttpBase}/botframework/.well-known/openidconfiguration";

    public string EntraMetadataUrl => $"{HttpBase}/entra/.well-known/openid-configuration";

    /// <summary>Seconds each issued outbound token is valid for.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public int MetadataFetches => metadataFetches;

    public IReadOnlyList<ConnectorRequest> ConnectorRequests => connectorRequests.ToList();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => tokenRequests.ToList();

    /// <summary>The next connector calls answer these statuses (with an optional Retry-After), then 2xx again.</summary>
    public void Script(params (int Status, string? RetryAfter)[] responses)
    {
        foreach (var response in responses)
            scripted.Enqueue(response);
    }

    public static async Task<BotFrameworkRig> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var rig = new BotFrameworkRig(app, certificate);
        rig.Map();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        rig.HttpBase = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        rig.HttpsBase = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
        return rig;
    }

    private void Map()
    {
        app.MapGet("/botframework/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref metadataFetches);
            return Results.Json(Metadata("https://api.botframework.com", $"{HttpBase}/botframework/keys"));
        });
        app.MapGet("/botframework/keys", () => Results.Json(Keys(BotFrameworkKeys)));
        app.MapGet("/entra/.well-known/openid-configuration", () =>
            Results.Json(Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", $"{HttpBase}/entra/keys")));
        app.MapGet("/entra/keys", () => Results.Json(Keys(EntraKeys)));

        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
        {
            var form = await context.Request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            fields["tenant"] = tenant;
            tokenRequests.Enqueue(fields);
            return Results.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = TokenLifetimeSeconds,
                ["ext_expires_in"] = TokenLifetimeSeconds,
                ["access_token"] = $"connector-token-{tokenRequests.Count}",
            });
        });

        app.Map("/connector/{**rest}", async (HttpContext context) =>
        {
            JsonObject? body = null;
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
                body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject;
            var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            connectorRequests.Enqueue(new ConnectorRequest(context.Request.Method, raw, context.Request.Headers.Authorization.FirstOrDefault(), body, DateTimeOffset.UtcNow));

            if (scripted.TryDequeue(out var response))
            {
                if (response.RetryAfter is not null)
                    context.Response.Headers.RetryAfter = response.RetryAfter;
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Scripted", ["message"] = $"scripted {response.Status}" } },
                    statusCode: response.Status);
            }

            var id = $"activity-{Interlocked.Increment(ref nextActivityId)}";
            if (context.Request.Method == "POST" && raw.EndsWith("/v3/conversations", StringComparison.Ordinal))
                return Results.Json(new JsonObject { ["id"] = $"a:created-{id}" }, statusCode: 201);
            if (context.Request.Method == "PUT")
                return Results.Json(new JsonObject { ["id"] = body?["id"]?.GetValue<string>() ?? id });
            return Results.Json(new JsonObject { ["id"] = id }, statusCode: 201);
        });
    }

    private static JsonObject Metadata(string issuer, string jwksUri) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.example/authorize",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private static JsonObject Keys(IEnumerable<TestSigningKey> keys) => new()
    {
        ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()),
    };

    /// <summary>Messages the bot sent or updated (connector POST/PUT of activities), in order.</summary>
    public IReadOnlyList<ConnectorRequest> Activities => ConnectorRequests.Where(r => r.Body?["type"] is not null).ToList();

    /// <summary>Waits until the connector received at least <paramref name="count"/> requests.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (connectorRequests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The connector got {connectorRequests.Count} request(s), expected {count}.");
            await Task.Delay(20);
        }

        return ConnectorRequests;
    }

    public void ClearRecords()
    {
        connectorRequests.Clear();
        tokenRequests.Clear();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }
}

/// <summary>A test RSA signing key, published as a JWK with its endorsements.</summary>
public sealed class TestSigningKey
{
    private TestSigningKey(string kid, RSA rsa, IReadOnlyList<string> endorsements)
    {
        Kid = kid;
        Rsa = rsa;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public RSA Rsa { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public static TestSigningKey Create(string kid, IReadOnlyList<string> endorsements) => new(kid, RSA.Create(2048), endorsements);

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
        };
    }
}
