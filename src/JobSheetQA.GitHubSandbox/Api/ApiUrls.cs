using JobSheetQA.GitHubSandbox.Hosting;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>The URLs GitHub puts in bodies, pointing back at this sandbox (as the request reached it).</summary>
internal sealed record ApiUrls(string Base, string Owner, string Repo)
{
    public string Api => Base + "api/v3/";

    public string RepoApi => $"{Api}repos/{Owner}/{Repo}";

    public string RepoHtml => $"{Base}{Owner}/{Repo}";

    public static ApiUrls From(HttpContext context, SandboxOptions options) =>
        new($"{context.Request.Scheme}://{context.Request.Host}/", options.Owner, options.Repo);
}
