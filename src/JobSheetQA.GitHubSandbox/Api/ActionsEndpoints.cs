using System.Security.Cryptography;
using System.Text.Json;
using JobSheetQA.GitHubSandbox.Auth;
using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>Workflows, dispatch, runs, jobs, artifacts, cancel and environment reviews.</summary>
internal static class ActionsEndpoints
{
    /// <summary>Artifact download URLs are valid this long
    /// (https://docs.github.com/en/rest/actions/artifacts#download-an-artifact).</summary>
    public static readonly TimeSpan DownloadLinkLifetime = TimeSpan.FromMinutes(1);

    public static RouteGroupBuilder MapActions(this RouteGroupBuilder repo)
    {
        repo.MapGet("/actions/workflows", (HttpContext context, SandboxState state) =>
        {
            var repository = ReposEndpoints.Repository(state);
            var all = WorkflowFileRef.All(repository).ToList();
            var page = Paging.Page(context, all);
            var urls = ReposEndpoints.Urls(context, state);
            return GitHubResults.Json(GitHubJson.Paged("workflows", all.Count,
                page.Select(w => GitHubJson.Workflow(w, WorkflowDefinition.Parse(w.Text).Name, repository.WorkflowState, urls))));
        });

        repo.MapGet("/actions/workflows/{workflow}", (string workflow, HttpContext context, SandboxState state) =>
        {
            var repository = ReposEndpoints.Repository(state);
            return WorkflowFileRef.Find(repository, workflow) is { } found
                ? GitHubResults.Json(GitHubJson.Workflow(found, WorkflowDefinition.Parse(found.Text).Name, repository.WorkflowState,
                    ReposEndpoints.Urls(context, state)))
                : GitHubResults.NotFound();
        });

        repo.MapPost("/actions/workflows/{workflow}/dispatches", async (string workflow, HttpContext context, SandboxState state,
            PromotionSimulator simulator, AppAuthentication app) =>
        {
            JsonElement body;
            try
            {
                body = (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement;
            }
            catch (JsonException)
            {
                return GitHubResults.Error(400, "Problems parsing JSON");
            }

            var credentials = CallerCredentials.From(context.Request);
            var actor = credentials is { IsTokenScheme: true } c && state.IsValidInstallationToken(c.Credential)
                ? app.Slug + "[bot]"
                : "sandbox-user";
            var outcome = simulator.Dispatch(workflow, body, context.Request.Headers["X-GitHub-Api-Version"].FirstOrDefault(), actor);
            return outcome switch
            {
                { Status: 200, Run: { } run } => GitHubResults.Json(GitHubJson.DispatchDetails(run, ReposEndpoints.Urls(context, state))),
                { Status: 204 } => Results.NoContent(),
                { Status: 422 } => GitHubResults.Validation(outcome.Message!),
                _ => GitHubResults.Error(outcome.Status, outcome.Message ?? "Error"),
            };
        });

        repo.MapGet("/actions/workflows/{workflow}/runs", (string workflow, HttpContext context, SandboxState state, PromotionSimulator simulator) =>
        {
            var found = WorkflowFileRef.Find(ReposEndpoints.Repository(state), workflow);
            return found is null
                ? GitHubResults.NotFound()
                : RunList(context, state, simulator, s => s.Run.WorkflowId == found.Id);
        });

        repo.MapGet("/actions/runs", (HttpContext context, SandboxState state, PromotionSimulator simulator) =>
            RunList(context, state, simulator, _ => true));

        repo.MapGet("/actions/runs/{runId:long}", (long runId, HttpContext context, SandboxState state, PromotionSimulator simulator) =>
            simulator.Snapshot(runId) is { } snapshot
                ? GitHubResults.Json(GitHubJson.Run(snapshot, ReposEndpoints.Urls(context, state)))
                : GitHubResults.NotFound());

        repo.MapGet("/actions/runs/{runId:long}/attempts/{attempt:int}", (long runId, int attempt, HttpContext context, SandboxState state,
            PromotionSimulator simulator) =>
            attempt == 1 && simulator.Snapshot(runId) is { } snapshot
                ? GitHubResults.Json(GitHubJson.Run(snapshot, ReposEndpoints.Urls(context, state)))
                : GitHubResults.NotFound());

        repo.MapGet("/actions/runs/{runId:long}/jobs", (long runId, string? filter, HttpContext context, SandboxState state,
            PromotionSimulator simulator) =>
            filter is null or "latest" or "all"
                ? JobList(context, state, simulator.Snapshot(runId))
                : GitHubResults.Validation($"Invalid filter: {filter}"));

        repo.MapGet("/actions/runs/{runId:long}/attempts/{attempt:int}/jobs", (long runId, int attempt, HttpContext context,
            SandboxState state, PromotionSimulator simulator) =>
            JobList(context, state, attempt == 1 ? simulator.Snapshot(runId) : null));

        repo.MapGet("/actions/jobs/{jobId:long}", (long jobId, HttpContext context, SandboxState state, PromotionSimulator simulator) =>
            FindJob(simulator, jobId) is { } found
                ? GitHubResults.Json(GitHubJson.Job(found.Snapshot, found.Job, ReposEndpoints.Urls(context, state)))
                : GitHubResults.NotFound());

        repo.MapGet("/check-runs/{jobId:long}/annotations", (long jobId, HttpContext context, SandboxState state, PromotionSimulator simulator) =>
            FindJob(simulator, jobId) is { } found
                ? GitHubResults.Json(GitHubJson.Annotations(found.Snapshot, found.Job, ReposEndpoints.Urls(context, state)))
                : GitHubResults.NotFound());

        // GitHub answers 302 to a short-lived download URL of the plain-text log; a job that has not finished has none yet.
        repo.MapGet("/actions/jobs/{jobId:long}/logs", (long jobId, SandboxState state, PromotionSimulator simulator) =>
            FindJob(simulator, jobId) is { Job.Status: "completed" } found && found.Job.Conclusion != "skipped"
                ? Results.Redirect(DownloadUrl(state, 0, JobLogs.Text(found.Snapshot, found.Job), $"job-{jobId}-log.txt"))
                : GitHubResults.NotFound());

        repo.MapGet("/actions/runs/{runId:long}/artifacts", (long runId, string? name, HttpContext context, SandboxState state,
            PromotionSimulator simulator) =>
        {
            if (simulator.Snapshot(runId) is not { } snapshot)
            {
                return GitHubResults.NotFound();
            }

            var artifacts = new[] { simulator.ArtifactOf(snapshot) }
                .OfType<ArtifactView>()
                .Where(a => string.IsNullOrEmpty(name) || a.Name == name)
                .ToList();
            var page = Paging.Page(context, artifacts);
            var urls = ReposEndpoints.Urls(context, state);
            return GitHubResults.Json(GitHubJson.Paged("artifacts", artifacts.Count, page.Select(a => GitHubJson.Artifact(a, urls))));
        });

        repo.MapGet("/actions/artifacts/{artifactId:long}", (long artifactId, HttpContext context, SandboxState state,
            PromotionSimulator simulator) =>
            simulator.Artifact(artifactId) is { } artifact
                ? GitHubResults.Json(GitHubJson.Artifact(artifact, ReposEndpoints.Urls(context, state)))
                : GitHubResults.NotFound());

        repo.MapGet("/actions/artifacts/{artifactId:long}/{format}", (long artifactId, string format, SandboxState state,
            PromotionSimulator simulator) =>
        {
            if (format != "zip" || simulator.Artifact(artifactId) is not { } artifact)
            {
                return GitHubResults.NotFound();
            }

            if (artifact.Expired)
            {
                return GitHubResults.Error(410, "Artifact has expired");
            }

            return Results.Redirect(DownloadUrl(state, artifactId, null, $"{artifact.Name}.zip"));
        });

        repo.MapPost("/actions/runs/{runId:long}/cancel", (long runId, PromotionSimulator simulator) => simulator.Cancel(runId) switch
        {
            202 => GitHubResults.Json(new System.Text.Json.Nodes.JsonObject(), 202),
            409 => GitHubResults.Error(409, "Cannot cancel a workflow run that is completed."),
            _ => GitHubResults.NotFound(),
        });

        repo.MapGet("/actions/runs/{runId:long}/pending_deployments", (long runId, HttpContext context, SandboxState state,
            PromotionSimulator simulator) =>
            simulator.Snapshot(runId) is { } snapshot
                ? GitHubResults.Json(GitHubJson.PendingDeployments(snapshot, ReposEndpoints.Urls(context, state)))
                : GitHubResults.NotFound());

        repo.MapPost("/actions/runs/{runId:long}/pending_deployments", async (long runId, HttpContext context, PromotionSimulator simulator) =>
        {
            string? decision;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                decision = body.RootElement.TryGetProperty("state", out var s) ? s.GetString() : null;
            }
            catch (JsonException)
            {
                return GitHubResults.Error(400, "Problems parsing JSON");
            }

            if (decision is not ("approved" or "rejected"))
            {
                return GitHubResults.Validation("state must be approved or rejected");
            }

            return simulator.Review(runId, decision == "approved") switch
            {
                200 => GitHubResults.Json(new System.Text.Json.Nodes.JsonArray()),
                409 => GitHubResults.Validation("No pending deployments for this run"),
                _ => GitHubResults.NotFound(),
            };
        });

        // The custom deployment protection rule's answer (the App's callback): body {environment_name, state, comment} → 204.
        // With an App configured, only that App's installation token may answer (GitHub: only the App that is the rule).
        repo.MapPost("/actions/runs/{runId:long}/deployment_protection_rule", async (long runId, HttpContext context, SandboxState state, PromotionSimulator simulator) =>
        {
            if (state.Options.App is not null
                && !(CallerCredentials.From(context.Request) is { IsTokenScheme: true } caller && state.IsValidInstallationToken(caller.Credential)))
            {
                return GitHubResults.Error(403, "Resource not accessible by personal access token");
            }

            string? environment, decision, comment;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                var root = body.RootElement;
                environment = root.TryGetProperty("environment_name", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                decision = root.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                comment = root.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            }
            catch (JsonException)
            {
                return GitHubResults.Error(400, "Problems parsing JSON");
            }

            if (environment is null || decision is not ("approved" or "rejected"))
            {
                return GitHubResults.Validation("environment_name and state (approved or rejected) are required");
            }

            return simulator.ReviewProtectionRule(runId, environment, decision == "approved", comment) switch
            {
                (204, _) => Results.NoContent(),
                (422, var message) => GitHubResults.Validation(message!),
                _ => GitHubResults.NotFound(),
            };
        });

        return repo;
    }

    private static IResult RunList(HttpContext context, SandboxState state, PromotionSimulator simulator, Func<RunSnapshot, bool> scope)
    {
        var filter = RunFilter.From(context.Request.Query);
        if (filter is null)
        {
            return GitHubResults.Validation("Invalid value for 'created'.");
        }

        var runs = simulator.Snapshots().Where(scope).Where(filter).ToList();
        var page = Paging.Page(context, runs);
        var urls = ReposEndpoints.Urls(context, state);
        return GitHubResults.Json(GitHubJson.Paged("workflow_runs", runs.Count, page.Select(r => GitHubJson.Run(r, urls))));
    }

    private static IResult JobList(HttpContext context, SandboxState state, RunSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return GitHubResults.NotFound();
        }

        var page = Paging.Page(context, snapshot.Jobs);
        var urls = ReposEndpoints.Urls(context, state);
        return GitHubResults.Json(GitHubJson.Paged("jobs", snapshot.Jobs.Count, page.Select(j => GitHubJson.Job(snapshot, j, urls))));
    }

    /// <summary>A one-minute link on the download listener, serving an artifact's zip or <paramref name="content"/>.</summary>
    private static string DownloadUrl(SandboxState state, long artifactId, byte[]? content, string file)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (state.Sync)
        {
            state.DownloadLinks[nonce] = new DownloadLink(artifactId, state.Time.GetUtcNow() + DownloadLinkLifetime, content);
        }

        var download = state.DownloadBaseAddress ?? throw new InvalidOperationException("The download listener has not started.");
        return new Uri(download, $"_downloads/{nonce}/{Uri.EscapeDataString(file)}").ToString();
    }

    private static (RunSnapshot Snapshot, JobSnapshot Job)? FindJob(PromotionSimulator simulator, long jobId)
    {
        foreach (var snapshot in simulator.Snapshots())
        {
            if (snapshot.Jobs.FirstOrDefault(j => j.Id == jobId) is { } job)
            {
                return (snapshot, job);
            }
        }

        return null;
    }
}
