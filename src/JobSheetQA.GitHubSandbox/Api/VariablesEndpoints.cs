using System.Collections.Immutable;
using System.Text.Json;
using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>
/// Actions variables as GitHub's REST API has them: environment and repository variables (list, get, create with
/// <c>POST</c> → 201, update with <c>PATCH</c> → 204, delete → 204; 404 for an unknown name, 409 when creating one that
/// exists) and the organisation variables shared with the repository (<c>GET …/actions/organization-variables</c>).
/// </summary>
internal static class VariablesEndpoints
{
    public static RouteGroupBuilder MapVariables(this RouteGroupBuilder repo)
    {
        repo.MapGet("/environments/{environment}/variables", (string environment, HttpContext context, SandboxState state) =>
            Environment(state, environment) is { } env ? List(context, env.Variables) : GitHubResults.NotFound());

        repo.MapGet("/environments/{environment}/variables/{name}", (string environment, string name, SandboxState state) =>
            Environment(state, environment) is { } env ? One(env.Variables, name) : GitHubResults.NotFound());

        repo.MapPost("/environments/{environment}/variables", async (string environment, HttpContext context, SandboxState state) =>
            await WriteAsync(context, state, environment, name: null));

        repo.MapMethods("/environments/{environment}/variables/{name}", ["PATCH"], async (string environment, string name, HttpContext context, SandboxState state) =>
            await WriteAsync(context, state, environment, name));

        repo.MapDelete("/environments/{environment}/variables/{name}", (string environment, string name, SandboxState state) =>
            Delete(state, environment, name));

        repo.MapGet("/actions/variables", (HttpContext context, SandboxState state) => List(context, ReposEndpoints.Repository(state).Variables));

        repo.MapGet("/actions/variables/{name}", (string name, SandboxState state) => One(ReposEndpoints.Repository(state).Variables, name));

        repo.MapPost("/actions/variables", async (HttpContext context, SandboxState state) => await WriteAsync(context, state, environment: null, name: null));

        repo.MapMethods("/actions/variables/{name}", ["PATCH"], async (string name, HttpContext context, SandboxState state) =>
            await WriteAsync(context, state, environment: null, name));

        repo.MapDelete("/actions/variables/{name}", (string name, SandboxState state) => Delete(state, environment: null, name));

        repo.MapGet("/actions/organization-variables", (HttpContext context, SandboxState state) =>
            List(context, ReposEndpoints.Repository(state).OrganizationVariables));

        return repo;
    }

    private static EnvironmentState? Environment(SandboxState state, string environment) =>
        ReposEndpoints.Repository(state).Environments.GetValueOrDefault(environment);

    private static IResult List(HttpContext context, ImmutableSortedDictionary<string, string> variables)
    {
        var all = variables.ToList();
        var page = Paging.Page(context, all);
        return GitHubResults.Json(GitHubJson.Paged("variables", all.Count, page.Select(v => GitHubJson.Variable(v.Key, v.Value))));
    }

    // GitHub stores variable names in upper case and looks them up case-insensitively.
    private static IResult One(ImmutableSortedDictionary<string, string> variables, string name) =>
        Find(variables, name) is { } found ? GitHubResults.Json(GitHubJson.Variable(found, variables[found])) : GitHubResults.NotFound();

    private static string? Find(ImmutableSortedDictionary<string, string> variables, string name) =>
        variables.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>POST (create, <paramref name="name"/> null) or PATCH (update <paramref name="name"/>), at environment scope
    /// when <paramref name="environment"/> is given, else repository scope.</summary>
    private static async Task<IResult> WriteAsync(HttpContext context, SandboxState state, string? environment, string? name)
    {
        string? bodyName, value;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            bodyName = body.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            value = body.RootElement.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException)
        {
            return GitHubResults.Error(400, "Problems parsing JSON");
        }

        var creating = name is null;
        var target = (name ?? bodyName)?.ToUpperInvariant();
        if (string.IsNullOrWhiteSpace(target) || (creating && value is null))
            return GitHubResults.Validation(creating ? "name and value are required" : "name wasn't supplied");

        lock (state.Sync)
        {
            var repository = state.Repository;
            if (environment is not null && !repository.Environments.ContainsKey(environment))
                return GitHubResults.NotFound();

            var variables = environment is null ? repository.Variables : repository.Environments[environment].Variables;
            var existing = Find(variables, target);
            if (creating && existing is not null)
                return GitHubResults.Error(409, "Already exists - Variable already exists");
            if (!creating && existing is null)
                return GitHubResults.NotFound();

            var updated = variables.Remove(existing ?? target).SetItem(bodyName?.ToUpperInvariant() ?? target, value ?? variables[existing!]);
            state.Repository = Replace(repository, environment, updated);
        }

        return creating ? GitHubResults.Json(new System.Text.Json.Nodes.JsonObject(), StatusCodes.Status201Created) : Results.NoContent();
    }

    private static IResult Delete(SandboxState state, string? environment, string name)
    {
        lock (state.Sync)
        {
            var repository = state.Repository;
            if (environment is not null && !repository.Environments.ContainsKey(environment))
                return GitHubResults.NotFound();

            var variables = environment is null ? repository.Variables : repository.Environments[environment].Variables;
            if (Find(variables, name) is not { } existing)
                return GitHubResults.NotFound();

            state.Repository = Replace(repository, environment, variables.Remove(existing));
        }

        return Results.NoContent();
    }

    private static RepositoryState Replace(RepositoryState repository, string? environment, ImmutableSortedDictionary<string, string> variables) =>
        environment is null
            ? repository with { Variables = variables }
            : repository with { Environments = repository.Environments.SetItem(environment, repository.Environments[environment] with { Variables = variables }) };
}
