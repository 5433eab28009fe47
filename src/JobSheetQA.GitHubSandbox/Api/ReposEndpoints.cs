using System.Text;
using JobSheetQA.GitHubSandbox.Hosting;
using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>Refs, branches and file contents.</summary>
internal static class ReposEndpoints
{
    public static RouteGroupBuilder MapRepos(this RouteGroupBuilder repo)
    {
        repo.MapGet("/git/ref/heads/{*branch}", (string branch, HttpContext context, SandboxState state) =>
        {
            var repository = Repository(state);
            return repository.Branches.TryGetValue(branch, out var sha)
                ? GitHubResults.Json(GitHubJson.GitRef(branch, sha, Urls(context, state)))
                : GitHubResults.NotFound();
        });

        repo.MapGet("/branches/{*branch}", (string branch, HttpContext context, SandboxState state) =>
        {
            var repository = Repository(state);
            return repository.Branches.TryGetValue(branch, out var sha)
                ? GitHubResults.Json(GitHubJson.Branch(branch, sha, Urls(context, state)))
                : GitHubResults.Error(404, "Branch not found");
        });

        repo.MapGet("/contents/{*path}", (string? path, string? @ref, HttpContext context, SandboxState state) =>
        {
            var repository = Repository(state);
            var gitRef = string.IsNullOrEmpty(@ref) ? repository.DefaultBranch : @ref;
            if (!RefExists(repository, gitRef))
            {
                return GitHubResults.Error(404, $"No commit found for the ref {gitRef}");
            }

            if (string.IsNullOrEmpty(path) || !repository.Files.TryGetValue(path.Trim('/'), out var text))
            {
                return GitHubResults.NotFound();
            }

            var accept = context.Request.Headers.Accept.ToString();
            if (accept.Contains(".raw", StringComparison.OrdinalIgnoreCase))
            {
                return Results.Bytes(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
            }

            return GitHubResults.Json(GitHubJson.Content(path.Trim('/'), text, gitRef, Urls(context, state)));
        });

        return repo;
    }

    internal static RepositoryState Repository(SandboxState state)
    {
        lock (state.Sync)
        {
            return state.Repository;
        }
    }

    internal static ApiUrls Urls(HttpContext context, SandboxState state) => ApiUrls.From(context, state.Options);

    /// <summary>A branch name, <c>refs/heads/…</c>, or the SHA of a branch head.</summary>
    private static bool RefExists(RepositoryState repository, string gitRef)
    {
        var branch = gitRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? gitRef["refs/heads/".Length..] : gitRef;
        return repository.Branches.ContainsKey(branch)
            || repository.Branches.Values.Any(sha => sha.Equals(gitRef, StringComparison.OrdinalIgnoreCase));
    }
}
