using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>
/// The blob-storage side of artifact downloads, on its own listener so a client following the 302 changes host
/// (and must drop its <c>Authorization</c> header, as Octokit does).
/// </summary>
internal static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_downloads/{nonce}/{file}", (string nonce, HttpContext context, SandboxState state, PromotionSimulator simulator) =>
        {
            if (state.DownloadBaseAddress is not { } download || context.Connection.LocalPort != download.Port)
            {
                return Results.NotFound();
            }

            DownloadLink? link;
            lock (state.Sync)
            {
                state.DownloadLinks.TryGetValue(nonce, out link);
            }

            if (link is null || state.Time.GetUtcNow() > link.ValidUntil)
            {
                // What blob storage answers for an expired signature.
                return Results.Text("AuthenticationFailed: the download URL has expired.", "text/plain", statusCode: 403);
            }

            if (link.Content is { } content)
            {
                return Results.Bytes(content, "text/plain; charset=utf-8");
            }

            return simulator.Artifact(link.ArtifactId) is { } artifact
                ? Results.Bytes(artifact.Zip, "application/zip", $"{artifact.Name}.zip")
                : Results.NotFound();
        });
        return app;
    }
}
