using JobSheetQA.GitHubSandbox.Auth;
using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>GitHub App: JWT → installation token, and the repository's installation.</summary>
internal static class AppEndpoints
{
    public static RouteGroupBuilder MapApp(this RouteGroupBuilder api)
    {
        api.MapPost("/app/installations/{installationId:long}/access_tokens", (long installationId, HttpContext context,
            SandboxState state, AppAuthentication app, InstallationTokens tokens) =>
        {
            if (app.Check(context.Request) is { } denied)
            {
                return denied;
            }

            if (app.InstallationId is { } known && known != installationId)
            {
                return GitHubResults.NotFound();
            }

            var (token, expiresAt) = tokens.Mint();
            return GitHubResults.Json(GitHubJson.InstallationToken(token, expiresAt, ReposEndpoints.Urls(context, state)), 201);
        });

        return api;
    }

    public static RouteGroupBuilder MapInstallation(this RouteGroupBuilder repo)
    {
        repo.MapGet("/installation", (HttpContext context, SandboxState state, AppAuthentication app) =>
            app.Check(context.Request) ?? GitHubResults.Json(GitHubJson.Installation(
                app.InstallationId ?? 1, app.AppId, app.Slug, app.App?.ClientId, ReposEndpoints.Urls(context, state))));
        return repo;
    }
}
