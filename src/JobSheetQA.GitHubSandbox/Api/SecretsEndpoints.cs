using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>Secret names (repository and environment). Values of secrets never exist here; variables are in <see cref="VariablesEndpoints"/>.</summary>
internal static class SecretsEndpoints
{
    public static RouteGroupBuilder MapSecrets(this RouteGroupBuilder repo)
    {
        repo.MapGet("/actions/secrets", (HttpContext context, SandboxState state) =>
            SecretList(context, ReposEndpoints.Repository(state).Secrets));

        repo.MapGet("/actions/secrets/{name}", (string name, SandboxState state) =>
            Secret(ReposEndpoints.Repository(state).Secrets, name));

        repo.MapGet("/environments/{environment}/secrets", (string environment, HttpContext context, SandboxState state) =>
            ReposEndpoints.Repository(state).Environments.TryGetValue(environment, out var env)
                ? SecretList(context, env.Secrets)
                : GitHubResults.NotFound());

        repo.MapGet("/environments/{environment}/secrets/{name}", (string environment, string name, SandboxState state) =>
            ReposEndpoints.Repository(state).Environments.TryGetValue(environment, out var env)
                ? Secret(env.Secrets, name)
                : GitHubResults.NotFound());

        return repo;
    }

    private static IResult SecretList(HttpContext context, IReadOnlyCollection<string> names)
    {
        var all = names.ToList();
        var page = Paging.Page(context, all);
        return GitHubResults.Json(GitHubJson.Paged("secrets", all.Count, page.Select(GitHubJson.Secret)));
    }

    // GitHub stores secret names in upper case and looks them up case-insensitively.
    private static IResult Secret(IReadOnlyCollection<string> names, string name) =>
        names.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } found
            ? GitHubResults.Json(GitHubJson.Secret(found))
            : GitHubResults.NotFound();
}
