using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Octokit;

namespace JobSheetQA.Bot.GitHub;

/// <summary><see cref="IRepositoryFacts"/> on Octokit, with the endpoints Octokit 14 lacks (environment secrets and
/// variables) called raw through <c>IConnection</c>. A 404 that means "absent" is an answer, not an error.</summary>
internal sealed class OctokitRepositoryFacts(GitHubApiExecutor api, IWorkflowRunTracker runs) : IRepositoryFacts
{
    public async Task<GitHubResult<BranchHead>> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var t = api.Target;
        var result = await api.RunAsync(
            new GitHubOperation("branches.get", $"read the HEAD of {branch}", "Contents: read"),
            (c, _) => c.Repository.Branch.Get(t.Owner, t.Repository, branch),
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
        var result = await api.RunAsync(
            new GitHubOperation("contents.get", $"read {path} at {@ref}", "Contents: read"),
            (c, _) => c.Repository.Content.GetAllContentsByRef(t.Owner, t.Repository, path, @ref),
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
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            // Names only, one lookup per name: the list endpoint pages and would return every other secret's name too.
            var repo = await api.RunAsync(
                new GitHubOperation("secrets.repo.get", $"check the repository secret {name}", "Secrets: read"),
                (c, _) => c.Repository.Actions.Secrets.Get(t.Owner, t.Repository, name),
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

            var uri = new Uri($"repos/{Escape(t.Owner)}/{Escape(t.Repository)}/environments/{Escape(environment)}/secrets/{Escape(name)}", UriKind.Relative);
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

    public async Task<GitHubResult<IReadOnlyList<PostureFlag>>> GetEnvironmentVariablesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentNullException.ThrowIfNull(names);
        var t = api.Target;
        var flags = new List<PostureFlag>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var uri = new Uri($"repos/{Escape(t.Owner)}/{Escape(t.Repository)}/environments/{Escape(environment)}/variables/{Escape(name)}", UriKind.Relative);
            var result = await api.RunAsync(
                new GitHubOperation("variables.environment.get", $"read the {environment} environment variable {name}", "Environments: read"),
                async (c, ct) => (await c.Connection.Get<EnvironmentVariableResponse>(uri, null, null, ct)).Body,
                cancellationToken);
            if (result.Succeeded)
            {
                flags.Add(new PostureFlag(environment, name, result.Value?.Value));
            }
            else if (result.Error.Kind == GitHubErrorKind.NotFound)
            {
                // Runbook §4.2: "false or unset" — unset is a fact, not a failure.
                flags.Add(new PostureFlag(environment, name, null));
            }
            else
            {
                return result.Error;
            }
        }

        return GitHubResult<IReadOnlyList<PostureFlag>>.Success(flags);
    }

    public async Task<GitHubResult<NightlyParityReport?>> GetLatestNightlyParityAsync(NightlyParityPolicy nightly, string? branch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nightly);
        var t = api.Target;
        var request = new WorkflowRunsRequest { Status = CheckRunStatusFilter.Success };
        if (!string.IsNullOrWhiteSpace(branch))
        {
            request.Branch = branch;
        }

        var listed = await api.RunAsync(
            new GitHubOperation("runs.list.nightly", $"list successful runs of {nightly.Workflow}", "Actions: read"),
            (c, _) => c.Actions.Workflows.Runs.ListByWorkflow(t.Owner, t.Repository, nightly.Workflow, request,
                new ApiOptions { PageSize = 20, PageCount = 1, StartPage = 1 }),
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

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
