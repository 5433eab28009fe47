using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>Maps the REST API under <c>/api/v3</c>, where Octokit sends requests for a non-github.com address.</summary>
internal static class GitHubApiEndpoints
{
    public static IEndpointRouteBuilder MapGitHubApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiPipelineMiddleware.ApiPrefix);
        api.MapRateLimit();
        api.MapApp();

        var repo = api.MapGroup("/repos/{owner}/{repo}");
        // One repository only: any other answers 404 like a private repository you cannot see.
        repo.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<SandboxState>().Options;
            var owner = http.Request.RouteValues["owner"] as string;
            var name = http.Request.RouteValues["repo"] as string;
            return string.Equals(owner, options.Owner, StringComparison.OrdinalIgnoreCase)
                && string.Equals(name, options.Repo, StringComparison.OrdinalIgnoreCase)
                ? await next(context)
                : GitHubResults.NotFound();
        });
        repo.MapRepos();
        repo.MapSecrets();
        repo.MapVariables();
        repo.MapActions();
        repo.MapInstallation();

        // Anything else under the prefix: GitHub's JSON 404, not an empty one.
        api.MapFallback(() => GitHubResults.NotFound());
        return app;
    }
}
