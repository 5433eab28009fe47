using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Auth;
using JobSheetQA.GitHubSandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class AuthenticationTests
{
    private const long AppId = 4242;
    private const long InstallationId = 77;

    private static Task<GatewayHarness> StartWithApp(TimeProvider? time = null, string? privateKeyPem = null, bool withInstallationId = true) =>
        GatewayHarness.StartAsync(
            sandbox: o => o.App = new SandboxAppOptions { AppId = AppId, PublicKeyPem = TestKeys.PublicKeyPem, InstallationId = InstallationId },
            settings: s =>
            {
                s["GitHub:App:AppId"] = AppId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                s["GitHub:App:PrivateKey"] = privateKeyPem ?? TestKeys.PrivateKeyPem;
                if (withInstallationId)
                {
                    s["GitHub:App:InstallationId"] = InstallationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            },
            timeProvider: time,
            useToken: false);

    [Fact]
    public async Task A_fine_grained_token_is_sent_on_every_request_and_never_logged()
    {
        await using var h = await GatewayHarness.StartAsync();

        var head = await h.Facts.GetBranchHeadAsync("main");
        var dispatched = await h.Dispatcher.DispatchAsync(new PromotionDispatch("p-log", "staging", "main", false, false, null));

        Assert.True(head.Succeeded, head.Error?.Message);
        Assert.True(dispatched.Succeeded, dispatched.Error?.Message);
        Assert.All(h.Requests, r => Assert.Equal("token", r.AuthScheme));
        Assert.NotEmpty(h.Logs.Lines);
        Assert.DoesNotContain(GatewayHarness.Token, h.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_an_unauthorized_result_naming_the_setting()
    {
        await using var h = await GatewayHarness.StartAsync(settings: s => s["GitHub:Token"] = "github_pat_wrong");

        var head = await h.Facts.GetBranchHeadAsync("main");

        Assert.Equal(GitHubErrorKind.Unauthorized, head.Error?.Kind);
        Assert.Contains("GitHub:Token", head.Error!.Message);
        Assert.DoesNotContain("github_pat_wrong", h.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GitHub_App_signs_a_jwt_exchanges_it_for_an_installation_token_and_uses_that()
    {
        await using var h = await StartWithApp();

        var head = await h.Facts.GetBranchHeadAsync("main");
        var again = await h.Facts.GetFileAsync(".github/workflows/promotion.yml", "main");

        Assert.True(head.Succeeded, head.Error?.Message);
        Assert.True(again.Succeeded, again.Error?.Message);
        var exchange = Assert.Single(h.RequestsTo("POST", $"/app/installations/{InstallationId}/access_tokens"));
        Assert.Equal("bearer", exchange.AuthScheme);
        Assert.Equal(201, exchange.Status);
        Assert.All(h.Requests.Where(r => r.Path.Contains("/repos/", StringComparison.Ordinal)), r => Assert.Equal("token", r.AuthScheme));

        var token = (await h.Services.GetRequiredService<ICredentialStore>().GetCredentials()).Password;
        Assert.StartsWith("ghs_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, h.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", h.Logs.All, StringComparison.Ordinal); // no JWT either
        Assert.Contains(h.Logs.Lines, l => l.Contains($"installation {InstallationId} token issued", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_installation_id_the_app_finds_its_installation_on_the_repository()
    {
        await using var h = await StartWithApp(withInstallationId: false);

        var head = await h.Facts.GetBranchHeadAsync("main");

        Assert.True(head.Succeeded, head.Error?.Message);
        Assert.Equal("bearer", Assert.Single(h.RequestsTo("GET", h.RepoPath("/installation"))).AuthScheme);
        Assert.Single(h.RequestsTo("POST", $"/app/installations/{InstallationId}/access_tokens"));
    }

    [Fact]
    public async Task The_installation_token_is_refreshed_five_minutes_before_it_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await StartWithApp(time);
        var store = (GitHubAppCredentialStore)h.Services.GetRequiredService<ICredentialStore>();

        Assert.True((await h.Facts.GetBranchHeadAsync("main")).Succeeded);
        var firstExpiry = store.TokenExpiresAt!.Value;
        var first = (await store.GetCredentials()).Password;
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.True((await h.Facts.GetBranchHeadAsync("main")).Succeeded);
        var exchangesBefore = h.RequestsTo("POST", $"/app/installations/{InstallationId}/access_tokens").Count;
        time.Advance(TimeSpan.FromMinutes(2));
        var afterRefresh = await h.Facts.GetBranchHeadAsync("main");

        Assert.Equal(time.GetUtcNow().AddMinutes(-56).AddHours(1), firstExpiry, TimeSpan.FromSeconds(5));
        Assert.Equal(1, exchangesBefore);
        Assert.True(afterRefresh.Succeeded, afterRefresh.Error?.Message);
        Assert.Equal(2, h.RequestsTo("POST", $"/app/installations/{InstallationId}/access_tokens").Count);
        Assert.NotEqual(first, (await store.GetCredentials()).Password);
        Assert.True(store.TokenExpiresAt > firstExpiry);
    }

    [Fact]
    public async Task A_jwt_signed_with_the_wrong_key_is_an_unauthorized_result_naming_the_settings()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        await using var h = await StartWithApp(privateKeyPem: other.ExportRSAPrivateKeyPem());

        var head = await h.Facts.GetBranchHeadAsync("main");

        Assert.Equal(GitHubErrorKind.Unauthorized, head.Error?.Kind);
        Assert.Contains("GitHub:App:PrivateKey", head.Error!.Message);
        Assert.Empty(h.RequestsTo("GET", h.RepoPath("/branches/main")));
    }
}
