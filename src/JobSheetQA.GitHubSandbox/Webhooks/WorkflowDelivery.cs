using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Control;

namespace JobSheetQA.GitHubSandbox.Webhooks;

/// <summary>
/// The <c>workflow_run</c> and <c>workflow_job</c> webhooks GitHub sends when a run or one of its jobs is requested,
/// starts, waits or completes (https://docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_run), in the
/// documented shape: every member Octokit.Webhooks requires is present.
/// </summary>
public static class WorkflowDelivery
{
    public const string RunEvent = "workflow_run";
    public const string JobEvent = "workflow_job";

    // Every repository "*_url" member the payload schema requires.
    private static readonly string[] RepositoryUrls =
    [
        "archive", "assignees", "blobs", "branches", "collaborators", "comments", "commits", "compare", "contents", "contributors",
        "deployments", "downloads", "events", "forks", "git_commits", "git_refs", "git_tags", "hooks", "issue_comment", "issue_events",
        "issues", "keys", "labels", "languages", "merges", "milestones", "notifications", "pulls", "releases", "stargazers", "statuses",
        "subscribers", "subscription", "tags", "teams", "trees",
    ];

    /// <summary>The <c>workflow_run</c> action a run's status is announced with: requested, in_progress or completed.</summary>
    public static string RunAction(string status) => status switch
    {
        "completed" => "completed",
        "queued" or "requested" or "pending" => "requested",
        _ => "in_progress",
    };

    /// <summary>The <c>workflow_job</c> action a job's status is announced with: queued, in_progress, waiting or completed.</summary>
    public static string JobAction(string status) => status switch
    {
        "completed" => "completed",
        "waiting" => "waiting",
        "queued" or "pending" => "queued",
        _ => "in_progress",
    };

    /// <summary>A <c>workflow_run</c> payload; <paramref name="apiBase"/> is the REST root (<c>…/api/v3/</c> or https://api.github.com/).</summary>
    public static string Run(
        string action, long runId, int runNumber, string displayTitle, string status, string? conclusion, string headSha, string headBranch,
        string actor, Uri apiBase, string owner, string repo)
    {
        var api = RepositoryApi(apiBase, owner, repo);
        var run = new JsonObject
        {
            ["id"] = runId,
            ["name"] = "Promotion",
            ["node_id"] = $"WFR_{runId}",
            ["display_title"] = displayTitle,
            ["event"] = "workflow_dispatch",
            ["status"] = status,
            ["conclusion"] = conclusion,
            ["head_branch"] = headBranch,
            ["head_sha"] = headSha,
            ["path"] = ".github/workflows/promotion.yml",
            ["run_attempt"] = 1,
            ["run_number"] = runNumber,
            ["created_at"] = "2026-11-26T09:00:00Z",
            ["updated_at"] = "2026-11-26T09:01:00Z",
            ["url"] = $"{api}/actions/runs/{runId}",
            ["html_url"] = $"https://github.com/{owner}/{repo}/actions/runs/{runId}",
            ["artifacts_url"] = $"{api}/actions/runs/{runId}/artifacts",
            ["cancel_url"] = $"{api}/actions/runs/{runId}/cancel",
            ["rerun_url"] = $"{api}/actions/runs/{runId}/rerun",
            ["jobs_url"] = $"{api}/actions/runs/{runId}/jobs",
            ["logs_url"] = $"{api}/actions/runs/{runId}/logs",
            ["check_suite_url"] = $"{api}/check-suites/{runId + 1}",
            ["check_suite_node_id"] = $"CS_{runId + 1}",
            ["workflow_url"] = $"{api}/actions/workflows/161335",
            ["pull_requests"] = new JsonArray(),
            ["head_commit"] = new JsonObject
            {
                ["id"] = headSha,
                ["tree_id"] = "c30f6c3377009c4c91c85d1f15deb6f2b7c2eb37",
                ["message"] = "Release candidate",
                ["timestamp"] = "2026-11-26T08:55:00Z",
                ["author"] = new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" },
                ["committer"] = new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" },
            },
            ["repository"] = Repository(api, owner, repo),
            ["head_repository"] = Repository(api, owner, repo),
            ["actor"] = User(actor),
            ["triggering_actor"] = User(actor),
        };
        return new JsonObject
        {
            ["action"] = action,
            ["workflow_run"] = run,
            ["workflow"] = new JsonObject
            {
                ["id"] = 161335,
                ["node_id"] = "W_161335",
                ["name"] = "Promotion",
                ["path"] = ".github/workflows/promotion.yml",
                ["state"] = "active",
                ["url"] = $"{api}/actions/workflows/161335",
                ["html_url"] = $"https://github.com/{owner}/{repo}/blob/main/.github/workflows/promotion.yml",
                ["badge_url"] = $"https://github.com/{owner}/{repo}/workflows/Promotion/badge.svg",
                ["created_at"] = "2026-01-01T00:00:00Z",
                ["updated_at"] = "2026-01-01T00:00:00Z",
            },
            ["repository"] = Repository(api, owner, repo),
            ["sender"] = User(actor),
        }.ToJsonString();
    }

    /// <summary>The <c>workflow_run</c> payload announcing <paramref name="run"/> as it is now.</summary>
    public static string Run(RunSummary run, Uri apiBase, string owner, string repo) =>
        Run(RunAction(run.Status), run.Id, run.RunNumber, run.DisplayTitle, run.Status, run.Conclusion, run.HeadSha, run.Ref,
            string.IsNullOrEmpty(run.Actor) ? "sandbox-user" : run.Actor, apiBase, owner, repo);

    /// <summary>A <c>workflow_job</c> payload.</summary>
    public static string Job(
        string action, long runId, long jobId, string name, string status, string? conclusion, string headSha, string actor,
        Uri apiBase, string owner, string repo)
    {
        var api = RepositoryApi(apiBase, owner, repo);
        return new JsonObject
        {
            ["action"] = action,
            ["workflow_job"] = new JsonObject
            {
                ["id"] = jobId,
                ["run_id"] = runId,
                ["run_attempt"] = 1,
                ["name"] = name,
                ["node_id"] = $"CR_{jobId}",
                ["head_sha"] = headSha,
                ["status"] = status,
                ["conclusion"] = conclusion,
                ["started_at"] = "2026-11-26T09:00:10Z",
                ["completed_at"] = conclusion is null ? null : "2026-11-26T09:00:40Z",
                ["url"] = $"{api}/actions/jobs/{jobId}",
                ["run_url"] = $"{api}/actions/runs/{runId}",
                ["html_url"] = $"https://github.com/{owner}/{repo}/actions/runs/{runId}/job/{jobId}",
                ["check_run_url"] = $"{api}/check-runs/{jobId}",
                ["labels"] = new JsonArray("ubuntu-latest"),
                ["steps"] = new JsonArray(),
            },
            ["repository"] = Repository(api, owner, repo),
            ["sender"] = User(actor),
        }.ToJsonString();
    }

    /// <summary>The <c>workflow_job</c> payload announcing <paramref name="job"/> of <paramref name="run"/> as it is now.</summary>
    public static string Job(RunSummary run, JobSummary job, Uri apiBase, string owner, string repo) =>
        Job(JobAction(job.Status), run.Id, job.Id, job.Name, job.Status, job.Conclusion, run.HeadSha,
            string.IsNullOrEmpty(run.Actor) ? "sandbox-user" : run.Actor, apiBase, owner, repo);

    private static string RepositoryApi(Uri apiBase, string owner, string repo) => new Uri(apiBase, $"repos/{owner}/{repo}").ToString();

    private static JsonObject Repository(string api, string owner, string repo)
    {
        var repository = new JsonObject
        {
            ["id"] = 300029405,
            ["node_id"] = "R_300029405",
            ["name"] = repo,
            ["full_name"] = $"{owner}/{repo}",
            ["private"] = true,
            ["fork"] = false,
            ["url"] = api,
            ["html_url"] = $"https://github.com/{owner}/{repo}",
            ["owner"] = User(owner, "Organization"),
        };
        foreach (var name in RepositoryUrls)
        {
            repository[$"{name}_url"] = $"{api}/{name.Replace('_', '/')}";
        }

        return repository;
    }

    private static JsonObject User(string login) => User(login, login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");

    private static JsonObject User(string login, string type) => new()
    {
        ["login"] = login,
        ["id"] = 1_000 + (login.Aggregate(0, (hash, c) => unchecked((hash * 31) + c)) & 0x7fffff),
        ["node_id"] = $"U_{login}",
        ["type"] = type,
        ["url"] = $"https://api.github.com/users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["avatar_url"] = $"https://avatars.githubusercontent.com/{login}",
    };
}
