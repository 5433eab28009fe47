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
        // "ref" is the documented path; "refs" is the older one Octokit's Git.Reference.Get still uses.
        foreach (var prefix in new[] { "/git/ref/heads/", "/git/refs/heads/" })
        {
            repo.MapGet(prefix + "{*branch}", (string branch, HttpContext context, SandboxState state) =>
            {
                var repository = Repository(state);
                return repository.Branches.TryGetValue(branch, out var sha)
                    ? GitHubResults.Json(GitHubJson.GitRef(branch, sha, Urls(context, state)))
                    : GitHubResults.NotFound();
            });
        }

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

            if (string.IsNullOrEmpty(path) || !repository.FilesAt(gitRef).TryGetValue(path.Trim('/'), out var text))
            {
                return GitHubResults.NotFound();
            }

            // Raw media types (Octokit asks for application/vnd.github.v3.raw) answer the bytes in the type asked for.
            var raw = context.Request.Headers.Accept.ToString().Split(',')
                .Select(a => a.Split(';')[0].Trim())
                .FirstOrDefault(a => a.StartsWith("application/vnd.github", StringComparison.OrdinalIgnoreCase)
                    && a.Contains(".raw", StringComparison.OrdinalIgnoreCase));
            if (raw is not null)
            {
                return Results.Bytes(Encoding.UTF8.GetBytes(text), raw.Replace("+json", "", StringComparison.OrdinalIgnoreCase));
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

    /// <summary>A branch name, <c>refs/heads/…</c>, the SHA of a branch head, or a commit with its own files.</summary>
    private static bool RefExists(RepositoryState repository, string gitRef)
    {
        var branch = gitRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? gitRef["refs/heads/".Length..] : gitRef;
        return repository.Branches.ContainsKey(branch)
            || repository.Branches.Values.Any(sha => sha.Equals(gitRef, StringComparison.OrdinalIgnoreCase))
            || repository.CommitFiles.ContainsKey(gitRef.ToLowerInvariant());
    }
}
