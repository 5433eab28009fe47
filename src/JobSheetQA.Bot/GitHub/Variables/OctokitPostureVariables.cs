using System.Globalization;
using JobSheetQA.Bot.GitHub.Client;

namespace JobSheetQA.Bot.GitHub.Variables;

/// <summary>
/// <see cref="IPostureVariables"/> through Octokit's <c>IConnection</c> (Octokit 14 has no Actions variables client):
/// GitHub's own REST paths, relative to the API root, so a GitHub Enterprise Server base address keeps its <c>/api/v3/</c>.
/// A 404 on a read means "not set at this scope".
/// </summary>
internal sealed class OctokitPostureVariables(GitHubApiExecutor api) : IPostureVariables
{
    /// <summary>The organisation variables list is paged; a repository sees at most this many pages of it.</summary>
    private const int MaxOrganizationPages = 10;

    private const int PageSize = 30;

    public async Task<GitHubResult<IReadOnlyList<VariableScopes>>> ReadScopesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentNullException.ThrowIfNull(names);
        var check = new GitHubOperation("variables.check", $"read the variables of {GitHubPaths.Printable(environment)}", "Environments: read");
        if (api.RefuseNames(check, environment, names) is { } refused)
            return refused;

        var repository = OctokitRepositoryFacts.RepositoryPath(api.Target);
        Dictionary<string, string>? organization = null;
        var scopes = new List<VariableScopes>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var inEnvironment = await ReadOneAsync(
                $"{repository}/environments/{GitHubPaths.Segment(environment)}/variables/{GitHubPaths.Segment(name)}",
                new GitHubOperation("variables.environment.get", $"read the {environment} environment variable {name}", "Environments: read"),
                cancellationToken);
            if (!inEnvironment.Succeeded)
                return inEnvironment.Error;

            var inRepository = await ReadOneAsync(
                $"{repository}/actions/variables/{GitHubPaths.Segment(name)}",
                new GitHubOperation("variables.repository.get", $"read the repository variable {name}", "Variables: read"),
                cancellationToken);
            if (!inRepository.Succeeded)
                return inRepository.Error;

            if (organization is null)
            {
                var listed = await ReadOrganizationAsync(repository, cancellationToken);
                if (!listed.Succeeded)
                    return listed.Error;
                organization = listed.Value;
            }

            scopes.Add(new VariableScopes(environment, name, inEnvironment.Value, inRepository.Value, organization.GetValueOrDefault(name)));
        }

        return scopes;
    }

    public async Task<GitHubResult<bool>> SetEnvironmentVariableAsync(string environment, string name, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var check = new GitHubOperation("variables.write", $"change the {GitHubPaths.Printable(environment)} environment variable", "Environments: write");
        if (api.RefuseNames(check, environment, [name]) is { } refused)
            return refused;

        var variables = $"{OctokitRepositoryFacts.RepositoryPath(api.Target)}/environments/{GitHubPaths.Segment(environment)}/variables";
        var one = new Uri($"{variables}/{GitHubPaths.Segment(name)}", UriKind.Relative);
        if (value is null)
        {
            // DELETE /repos/{o}/{r}/environments/{env}/variables/{name}: 204; 404 when already absent, which is the goal.
            var deleted = await api.RunAsync(
                new GitHubOperation("variables.environment.delete", $"delete the {environment} environment variable {name}", "Environments: write"),
                async (c, _) => await c.Connection.Delete(one),
                cancellationToken);
            return deleted.Succeeded || deleted.Error.Kind == GitHubErrorKind.NotFound ? true : deleted.Error;
        }

        // PATCH /repos/{o}/{r}/environments/{env}/variables/{name} {"name","value"}: 204; 404 when it does not exist yet.
        var body = new VariableRequestBody(name, value);
        var updated = await api.RunAsync(
            new GitHubOperation("variables.environment.update", $"set the {environment} environment variable {name}", "Environments: write"),
            async (c, _) => (await c.Connection.Patch<object>(one, body)).HttpResponse.StatusCode,
            cancellationToken);
        if (updated.Succeeded)
            return true;
        if (updated.Error.Kind != GitHubErrorKind.NotFound)
            return updated.Error;

        // POST /repos/{o}/{r}/environments/{env}/variables {"name","value"}: 201.
        var created = await api.RunAsync(
            new GitHubOperation("variables.environment.create", $"create the {environment} environment variable {name}", "Environments: write"),
            async (c, ct) => (await c.Connection.Post<object>(new Uri(variables, UriKind.Relative), body, "application/vnd.github+json", "application/json", parameters: null, cancellationToken: ct)).HttpResponse.StatusCode,
            cancellationToken);
        return created.Succeeded ? true : created.Error;
    }

    private async Task<GitHubResult<string?>> ReadOneAsync(string path, GitHubOperation operation, CancellationToken cancellationToken)
    {
        var uri = new Uri(path, UriKind.Relative);
        var result = await api.RunAsync(operation, async (c, ct) => (await c.Connection.Get<EnvironmentVariableResponse>(uri, null, null, ct)).Body, cancellationToken);
        if (result.Succeeded)
            return result.Value?.Value;

        // Runbook §4.2: "false or unset" — unset is a fact, not a failure.
        return result.Error.Kind == GitHubErrorKind.NotFound ? GitHubResult<string?>.Success(null) : result.Error;
    }

    /// <summary><c>GET /repos/{o}/{r}/actions/organization-variables</c>: the organisation's variables this repository can
    /// read (a user-owned repository has none: 404 or an empty list).</summary>
    private async Task<GitHubResult<Dictionary<string, string>>> ReadOrganizationAsync(string repository, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var uri = new Uri($"{repository}/actions/organization-variables", UriKind.Relative);
        for (var page = 1; page <= MaxOrganizationPages; page++)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["per_page"] = PageSize.ToString(CultureInfo.InvariantCulture),
                ["page"] = page.ToString(CultureInfo.InvariantCulture),
            };
            var result = await api.RunAsync(
                new GitHubOperation("variables.organization.list", "read the organisation variables shared with the repository", "Variables: read"),
                async (c, ct) => (await c.Connection.Get<VariableListResponse>(uri, parameters, null, ct)).Body,
                cancellationToken);
            if (!result.Succeeded)
                return result.Error.Kind == GitHubErrorKind.NotFound ? found : result.Error;

            foreach (var variable in result.Value.Variables)
                found.TryAdd(variable.Name, variable.Value ?? "");
            if (result.Value.Variables.Count < PageSize || found.Count >= result.Value.TotalCount)
                break;
        }

        return found;
    }
}
