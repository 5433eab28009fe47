using System.Net;
using System.Security.Cryptography;
using JobSheetQA.GitHubSandbox.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

public sealed class AppAuthenticationTests : IDisposable
{
    private const long AppId = 424242;
    private const long InstallationId = 77;
    private readonly RSA appKey = RSA.Create(2048);
    private readonly RSA otherKey = RSA.Create(2048);

    [Fact]
    public async Task Signed_jwt_is_exchanged_for_a_one_hour_installation_token_that_the_api_accepts()
    {
        await using var ctx = await StartAsync();
        var jwt = Jwt(appKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.Time.GetUtcNow());
        var appClient = ctx.OctokitWith(new Credentials(jwt, AuthenticationType.Bearer));

        var installation = await appClient.GitHubApps.GetRepositoryInstallationForCurrent(SandboxTestContext.Owner, SandboxTestContext.Repo);
        AccessToken token = await appClient.GitHubApps.CreateInstallationToken(installation.Id);

        Assert.Equal(InstallationId, installation.Id);
        Assert.Equal(AppId, installation.AppId);
        Assert.StartsWith("ghs_", token.Token);
        Assert.Equal(ctx.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), token.ExpiresAt.ToUnixTimeSeconds());

        var installationClient = ctx.OctokitWith(new Credentials(token.Token));
        await installationClient.Actions.Workflows.CreateDispatch(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml",
            new CreateWorkflowDispatch("main") { Inputs = new Dictionary<string, object> { ["target_environment"] = "staging" } });
        var run = (await installationClient.Actions.Workflows.Runs.ListByWorkflow(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml")).WorkflowRuns.Single();
        Assert.Equal("jobsheetqa-bot[bot]", run.Actor.Login);

        ctx.Time.Advance(TimeSpan.FromMinutes(61));
        await Assert.ThrowsAsync<AuthorizationException>(() =>
            installationClient.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, run.Id));
    }

    [Fact]
    public async Task Client_id_is_accepted_as_issuer()
    {
        await using var ctx = await StartAsync();
        var jwt = Jwt(appKey, "Iv23liSandbox", ctx.Time.GetUtcNow());

        var token = await ctx.OctokitWith(new Credentials(jwt, AuthenticationType.Bearer)).GitHubApps.CreateInstallationToken(InstallationId);

        Assert.StartsWith("ghs_", token.Token);
    }

    [Fact]
    public async Task Jwt_signed_by_another_key_is_refused()
    {
        await using var ctx = await StartAsync();
        var jwt = Jwt(otherKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.Time.GetUtcNow());

        await Assert.ThrowsAsync<AuthorizationException>(() =>
            ctx.OctokitWith(new Credentials(jwt, AuthenticationType.Bearer)).GitHubApps.CreateInstallationToken(InstallationId));
    }

    [Fact]
    public async Task Expired_jwt_is_refused()
    {
        await using var ctx = await StartAsync();
        var jwt = Jwt(appKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.Time.GetUtcNow());
        ctx.Time.Advance(TimeSpan.FromMinutes(11));

        await Assert.ThrowsAsync<AuthorizationException>(() =>
            ctx.OctokitWith(new Credentials(jwt, AuthenticationType.Bearer)).GitHubApps.CreateInstallationToken(InstallationId));
    }

    [Fact]
    public async Task Jwt_expiring_more_than_ten_minutes_ahead_or_from_another_app_is_refused()
    {
        await using var ctx = await StartAsync();
        var now = ctx.Time.GetUtcNow();

        using var tooLong = await Post(ctx, Jwt(appKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), now, TimeSpan.FromMinutes(30)));
        using var otherApp = await Post(ctx, Jwt(appKey, "1", now));
        using var notJwt = await Post(ctx, "not-a-jwt");
        using var good = await Post(ctx, Jwt(appKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), now));

        Assert.Equal(HttpStatusCode.Unauthorized, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherApp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notJwt.StatusCode);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }

    [Fact]
    public async Task Unknown_installation_is_404()
    {
        await using var ctx = await StartAsync();
        var jwt = Jwt(appKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.Time.GetUtcNow());

        await Assert.ThrowsAsync<NotFoundException>(() =>
            ctx.OctokitWith(new Credentials(jwt, AuthenticationType.Bearer)).GitHubApps.CreateInstallationToken(InstallationId + 1));
    }

    [Fact]
    public async Task Installation_token_is_not_accepted_where_the_app_jwt_is_required_and_vice_versa()
    {
        await using var ctx = await StartAsync();
        var jwt = Jwt(appKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.Time.GetUtcNow());

        await Assert.ThrowsAsync<AuthorizationException>(() =>
            ctx.OctokitWith(new Credentials(jwt, AuthenticationType.Bearer)).Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main"));
        await Assert.ThrowsAsync<AuthorizationException>(() =>
            ctx.OctokitWith(new Credentials("ghs_made_up")).GitHubApps.CreateInstallationToken(InstallationId));
    }

    [Fact]
    public async Task Only_the_apps_installation_token_may_answer_the_deployment_protection_rule()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o =>
        {
            o.App = new SandboxAppOptions { AppId = AppId, InstallationId = InstallationId, PublicKeyPem = appKey.ExportSubjectPublicKeyInfoPem() };
            o.Tokens = ["ghp_someone_elses_token"];
            o.ProtectionRule = new SandboxProtectionRuleOptions();
        });
        var runId = ctx.Sandbox.Control.StartFromActionsTab("octocat", "staging").Id;
        for (var i = 0; i < 40 && ctx.Sandbox.Control.GetRun(runId)!.Status != "waiting"; i++)
            ctx.Time.Advance(SandboxTestContext.Tick);
        var jwt = Jwt(appKey, AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.Time.GetUtcNow());
        AccessToken installation = await ctx.OctokitWith(new Credentials(jwt, AuthenticationType.Bearer)).GitHubApps.CreateInstallationToken(InstallationId);

        using var anonymous = await Review(ctx, runId, token: null);
        using var personal = await Review(ctx, runId, "ghp_someone_elses_token");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, personal.StatusCode);
        Assert.Equal(("waiting", 0), (ctx.Sandbox.Control.GetRun(runId)!.Status, ctx.Sandbox.Control.GetRun(runId)!.ProtectionRule!.Reviews));

        using var app = await Review(ctx, runId, installation.Token);
        Assert.Equal(HttpStatusCode.NoContent, app.StatusCode);
        Assert.Equal(("approved", 1), (ctx.Sandbox.Control.GetRun(runId)!.ProtectionRule!.State, ctx.Sandbox.Control.GetRun(runId)!.ProtectionRule!.Reviews));
    }

    public void Dispose()
    {
        appKey.Dispose();
        otherKey.Dispose();
    }

    private Task<SandboxTestContext> StartAsync() => SandboxTestContext.StartAsync(o => o.App = new SandboxAppOptions
    {
        AppId = AppId,
        ClientId = "Iv23liSandbox",
        InstallationId = InstallationId,
        PublicKeyPem = appKey.ExportSubjectPublicKeyInfoPem(),
    });

    /// <summary>A GitHub App JWT as GitHub documents it: iat 60 s in the past, exp 10 minutes ahead (or <paramref name="lifetime"/>).</summary>
    private static string Jwt(RSA key, string issuer, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = now.AddSeconds(-60).UtcDateTime,
            Expires = now.Add(lifetime ?? TimeSpan.FromMinutes(10)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task<HttpResponseMessage> Post(SandboxTestContext ctx, string jwt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"app/installations/{InstallationId}/access_tokens");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jwt);
        return await ctx.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Review(SandboxTestContext ctx, long runId, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ctx.RepoPath}/actions/runs/{runId}/deployment_protection_rule")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { environment_name = "staging", state = "approved", comment = "Allowed" }),
        };
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", token);
        return await ctx.Http.SendAsync(request);
    }
}
