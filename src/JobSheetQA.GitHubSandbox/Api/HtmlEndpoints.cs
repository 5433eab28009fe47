using System.Net;
using System.Text;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>A bare page behind the runs' <c>html_url</c>, so links in chat lead somewhere.</summary>
internal static class HtmlEndpoints
{
    public static IEndpointRouteBuilder MapRunPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{owner}/{repo}/actions/runs/{runId:long}", (long runId, PromotionSimulator simulator) =>
        {
            if (simulator.Snapshot(runId) is not { } snapshot)
            {
                return Results.NotFound();
            }

            var html = new StringBuilder()
                .Append("<!doctype html><meta charset=\"utf-8\"><title>").Append(Encode(snapshot.Run.DisplayTitle)).Append("</title>")
                .Append("<h1>").Append(Encode(snapshot.Run.DisplayTitle)).Append("</h1>")
                .Append("<p>Run ").Append(runId).Append(": ").Append(snapshot.Status).Append(' ').Append(snapshot.Conclusion ?? "")
                .Append(" · ").Append(Encode(snapshot.Run.HeadBranch)).Append(" @ ").Append(snapshot.Run.HeadSha[..7]).Append("</p><ol>");
            foreach (var job in snapshot.Jobs)
            {
                html.Append("<li>").Append(Encode(job.Name)).Append(": ").Append(job.Status).Append(' ').Append(job.Conclusion ?? "")
                    .Append(job.FailureMessage is null ? "" : " — " + Encode(job.FailureMessage)).Append("</li>");
            }

            return Results.Content(html.Append("</ol>").ToString(), "text/html; charset=utf-8");
        });
        return app;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
