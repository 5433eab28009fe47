using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.GitHub.Variables;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Octokit;

namespace JobSheetQA.Bot.GitHub;

/// <summary><see cref="IRepositoryFacts"/> on Octokit, with the endpoints Octokit 14 lacks (environment secrets and
/// variables) called raw through <c>IConnection</c>. A 404 that means "absent" is an answer, not an error.</summary>
internal sealed class OctokitRepositoryFacts(GitHubApiExecutor api, IWorkflowRunTracker runs, IPostureVariables variables) : IRepositoryFacts
{
    public async Task<GitHubResult<BranchHead>> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var t = api.Target;
        var operation = new GitHubOperation("branches.get", $"read the HEAD of {GitHubPaths.Printable(branch)}", "Contents: read");
        if (api.RefuseRef(operation, "Branch", branch) is { } refused)
        {
            return refused;
        }

        // GET /repos/{owner}/{repo}/branches/{branch}: a branch such as release/1.2 keeps its slashes, each part escaped.
        var uri = new Uri($"{RepositoryPath(t)}/branches/{GitHubPaths.Segments(branch)}", UriKind.Relative);
        var result = await api.RunAsync(
            operation,
            async (c, ct) => (await c.Connection.Get<Branch>(uri, null, null, ct)).Body,
            cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error.Kind == GitHubErrorKind.NotFound
                ? result.Error with { Message = $"Branch {branch} not found on {t.FullName}" }
                : result.Error;
        }

        return GitHubResult<BranchHead>.Success(new BranchHead(branch, result.Value.Commit.Sha));
    }

    public async Task<GitHubResult<RepositoryFile>> GetFileAsync(string path, string @ref, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(@ref);
        var t = api.Target;
        var operation = new GitHubOperation("contents.get", $"read {GitHubPaths.Printable(path)} at {GitHubPaths.Printable(@ref)}", "Contents: read");
        if ((api.RefuseFilePath(operation, path) ?? api.RefuseRef(operation, "Ref", @ref)) is { } refused)
        {
            return refused;
        }

        // GET /repos/{owner}/{repo}/contents/{path}?ref=: the path escaped part by part, the ref a query parameter.
        var uri = new Uri($"{RepositoryPath(t)}/contents/{GitHubPaths.Segments(path)}", UriKind.Relative);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["ref"] = @ref };
        var result = await api.RunAsync(
            operation,
            // A file answers with one object; Octokit reads it as a one-item list, as its own contents client does.
            async (c, ct) => (IReadOnlyList<RepositoryContent>)(await c.Connection.Get<List<RepositoryContent>>(uri, parameters, null, ct)).Body,
            cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error.Kind == GitHubErrorKind.NotFound
                ? GitHubResult<RepositoryFile>.Success(RepositoryFile.Missing(path, @ref))
                : result.Error;
        }

        // A directory answers with a list; only a single file entry is "the file".
        var file = result.Value.Count == 1 && result.Value[0].Type.StringValue == "file" ? result.Value[0] : null;
        return GitHubResult<RepositoryFile>.Success(file is null
            ? RepositoryFile.Missing(path, @ref)
            : new RepositoryFile(path, @ref, true, file.Content ?? string.Empty, file.Sha));
    }

    public async Task<GitHubResult<SecretPresence>> GetSecretPresenceAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentNullException.ThrowIfNull(names);
        var t = api.Target;
        var inRepository = new HashSet<string>(StringComparer.Ordinal);
        var inEnvironment = new HashSet<string>(StringComparer.Ordinal);
        var check = new GitHubOperation("secrets.check", $"check the secrets of {GitHubPaths.Printable(environment)}", "Secrets: read");
        if (api.RefuseNames(check, environment, names) is { } refused)
        {
            return refused;
        }

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            // Names only, one lookup per name: the list endpoint pages and would return every other secret's name too.
            var repoUri = new Uri($"{RepositoryPath(t)}/actions/secrets/{GitHubPaths.Segment(name)}", UriKind.Relative);
            var repo = await api.RunAsync(
                new GitHubOperation("secrets.repo.get", $"check the repository secret {name}", "Secrets: read"),
                async (c, ct) => (await c.Connection.Get<EnvironmentSecretResponse>(repoUri, null, null, ct)).Body,
                cancellationToken);
            if (Present(repo, out var error))
            {
                inRepository.Add(name);
                continue;
            }

            if (error is not null)
            {
                return error;
            }

            var uri = new Uri($"{RepositoryPath(t)}/environments/{GitHubPaths.Segment(environment)}/secrets/{GitHubPaths.Segment(name)}", UriKind.Relative);
            var env = await api.RunAsync(
                new GitHubOperation("secrets.environment.get", $"check the {environment} environment secret {name}", "Environments: read"),
                async (c, ct) => (await c.Connection.Get<EnvironmentSecretResponse>(uri, null, null, ct)).Body,
                cancellationToken);
            if (Present(env, out error))
            {
                inEnvironment.Add(name);
            }
            else if (error is not null)
            {
                return error;
            }
        }

        return new SecretPresence(environment, names.Distinct(StringComparer.Ordinal).ToList(), inRepository, inEnvironment);
    }

    /// <summary>The winning value of each variable for the environment's jobs (environment over repository over organisation).</summary>
    public async Task<GitHubResult<IReadOnlyList<PostureFlag>>> GetEnvironmentVariablesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        (await variables.ReadScopesAsync(environment, names, cancellationToken)).Map(scopes => (IReadOnlyList<PostureFlag>)scopes.Select(s => s.Winning).ToList());

    public async Task<GitHubResult<NightlyParityReport?>> GetLatestNightlyParityAsync(NightlyParityPolicy nightly, string? branch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nightly);
        var t = api.Target;
        var operation = new GitHubOperation("runs.list.nightly", $"list successful runs of {GitHubPaths.Printable(nightly.Workflow)}", "Actions: read");
        if ((api.RefuseSegment(operation, "The nightly parity workflow", nightly.Workflow)
            ?? (string.IsNullOrWhiteSpace(branch) ? null : api.RefuseRef(operation, "Branch", branch))) is { } refused)
        {
            return refused;
        }

        var request = new WorkflowRunsRequest { Status = CheckRunStatusFilter.Success };
        if (!string.IsNullOrWhiteSpace(branch))
        {
            request.Branch = branch;
        }

        var uri = WorkflowRunsPath(t, nightly.Workflow);
        var parameters = WorkflowRunsParameters(request, pageSize: 20);
        var listed = await api.RunAsync(
            operation,
            async (c, ct) => (await c.Connection.Get<WorkflowRunsResponse>(uri, parameters, null, ct)).Body,
            cancellationToken);
        if (!listed.Succeeded)
        {
            return listed.Error.Kind == GitHubErrorKind.NotFound
                ? listed.Error with { Message = $"The nightly parity workflow {nightly.Workflow} was not found on {t.FullName} (policy.yaml nightly_parity.workflow)." }
                : listed.Error;
        }

        // Newest first; re-checked here so a server that ignores the status filter cannot hand back a failed run.
        var run = listed.Value.WorkflowRuns
            .Where(r => r.Status.StringValue == "completed" && r.Conclusion?.StringValue == "success")
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefault();
        if (run is null)
        {
            return GitHubResult<NightlyParityReport?>.Success(null);
        }

        var report = await runs.DownloadParityReportAsync(run.Id, nightly.Artifact, cancellationToken);
        if (!report.Succeeded)
        {
            return report.Error;
        }

        var file = report.Value;
        return GitHubResult<NightlyParityReport?>.Success(new NightlyParityReport(
            run.Id, run.HtmlUrl, run.UpdatedAt, run.HeadSha, file.ArtifactId, file.EntryPath, file.Content));
    }

    private static bool Present<T>(GitHubResult<T> result, out GitHubError? error)
    {
        error = null;
        if (result.Succeeded)
        {
            return true;
        }

        if (result.Error.Kind != GitHubErrorKind.NotFound)
        {
            error = result.Error;
        }

        return false;
    }

    /// <summary><c>repos/{owner}/{repo}</c>, each escaped (GitHub:Owner and GitHub:Repository are names, checked at start-up).</summary>
    internal static string RepositoryPath(GitHubTarget t) => $"repos/{GitHubPaths.Segment(t.Owner)}/{GitHubPaths.Segment(t.Repository)}";

    /// <summary><c>GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs</c> for a workflow file name (check it first).</summary>
    internal static Uri WorkflowRunsPath(GitHubTarget t, string workflow) =>
        new($"{RepositoryPath(t)}/actions/workflows/{GitHubPaths.Segment(workflow)}/runs", UriKind.Relative);

    /// <summary>The filters as query parameters (Octokit escapes each value), and one page of <paramref name="pageSize"/>.</summary>
    internal static Dictionary<string, string> WorkflowRunsParameters(WorkflowRunsRequest request, int pageSize)
    {
        var parameters = new Dictionary<string, string>(request.ToParametersDictionary(), StringComparer.Ordinal)
        {
            ["per_page"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = "1",
        };
        return parameters;
    }
}
