using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Tests.GitHub.Webhooks;

/// <summary>
/// GitHub webhook deliveries as GitHub sends them: a <c>workflow_run</c> or <c>workflow_job</c> body in the documented
/// shape (every member Octokit.Webhooks requires), the event and delivery headers, and <c>X-Hub-Signature-256</c> =
/// <c>sha256=</c> + hex HMAC-SHA256 of the exact body bytes.
/// </summary>
public static class WebhookDeliveries
{
    public const string Owner = "contoso";
    public const string Repo = "job-sheet-qa-auditor";

    // Every repository "*_url" member the payload schema requires.
    private static readonly string[] RepositoryUrls =
    [
        "archive", "assignees", "blobs", "branches", "collaborators", "comments", "commits", "compare", "contents", "contributors",
        "deployments", "downloads", "events", "forks", "git_commits", "git_refs", "git_tags", "hooks", "issue_comment", "issue_events",
        "issues", "keys", "labels", "languages", "merges", "milestones", "notifications", "pulls", "releases", "stargazers", "statuses",
        "subscribers", "subscription", "tags", "teams", "trees",
    ];

    public static string WorkflowRun(string action, long runId, string displayTitle, string status, string? conclusion)
    {
        var api = $"https://api.github.com/repos/{Owner}/{Repo}";
        var run = new JsonObject
        {
            ["id"] = runId,
            ["name"] = "Promotion",
            ["node_id"] = $"WFR_{runId}",
            ["display_title"] = displayTitle,
            ["event"] = "workflow_dispatch",
            ["status"] = status,
            ["conclusion"] = conclusion,
            ["head_branch"] = "main",
            ["head_sha"] = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4",
            ["path"] = ".github/workflows/promotion.yml",
            ["run_attempt"] = 1,
            ["run_number"] = 7,
            ["created_at"] = "2026-11-26T09:00:00Z",
            ["updated_at"] = "2026-11-26T09:01:00Z",
            ["url"] = $"{api}/actions/runs/{runId}",
            ["html_url"] = $"https://github.com/{Owner}/{Repo}/actions/runs/{runId}",
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
                ["id"] = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4",
                ["tree_id"] = "c30f6c3377009c4c91c85d1f15deb6f2b7c2eb37",
                ["message"] = "Release candidate",
                ["timestamp"] = "2026-11-26T08:55:00Z",
                ["author"] = new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" },
                ["committer"] = new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" },
            },
            ["repository"] = Repository(),
            ["head_repository"] = Repository(),
            ["actor"] = User("jobsheetqa-bot[bot]", "Bot"),
            ["triggering_actor"] = User("jobsheetqa-bot[bot]", "Bot"),
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
                ["html_url"] = $"https://github.com/{Owner}/{Repo}/blob/main/.github/workflows/promotion.yml",
                ["badge_url"] = $"https://github.com/{Owner}/{Repo}/workflows/Promotion/badge.svg",
                ["created_at"] = "2026-01-01T00:00:00Z",
                ["updated_at"] = "2026-01-01T00:00:00Z",
            },
            ["repository"] = Repository(),
            ["sender"] = User("dana", "User"),
        }.ToJsonString();
    }

    public static string WorkflowJob(string action, long runId, long jobId, string name, string status, string? conclusion)
    {
        var api = $"https://api.github.com/repos/{Owner}/{Repo}";
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
                ["head_sha"] = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4",
                ["status"] = status,
                ["conclusion"] = conclusion,
                ["started_at"] = "2026-11-26T09:00:10Z",
                ["completed_at"] = conclusion is null ? null : "2026-11-26T09:00:40Z",
                ["url"] = $"{api}/actions/jobs/{jobId}",
                ["run_url"] = $"{api}/actions/runs/{runId}",
                ["html_url"] = $"https://github.com/{Owner}/{Repo}/actions/runs/{runId}/job/{jobId}",
                ["check_run_url"] = $"{api}/check-runs/{jobId}",
                ["labels"] = new JsonArray("ubuntu-latest"),
                ["steps"] = new JsonArray(),
            },
            ["repository"] = Repository(),
            ["sender"] = User("dana", "User"),
        }.ToJsonString();
    }

    /// <summary>A POST to the webhook endpoint, signed with <paramref name="secret"/> (unsigned when null).</summary>
    public static HttpRequestMessage Request(string eventName, string body, string delivery, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/github/webhooks")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        request.Headers.Add("X-GitHub-Hook-ID", "123456");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/abc1234");
        if (secret is not null)
            request.Headers.Add("X-Hub-Signature-256", Signature(secret, body));
        return request;
    }

    public static string Signature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static JsonObject Repository()
    {
        var api = $"https://api.github.com/repos/{Owner}/{Repo}";
        var repository = new JsonObject
        {
            ["id"] = 300029405,
            ["node_id"] = "R_300029405",
            ["name"] = Repo,
            ["full_name"] = $"{Owner}/{Repo}",
            ["private"] = true,
            ["fork"] = false,
            ["url"] = api,
            ["html_url"] = $"https://github.com/{Owner}/{Repo}",
            ["owner"] = User(Owner, "Organization"),
        };
        foreach (var name in RepositoryUrls)
            repository[$"{name}_url"] = $"{api}/{name.Replace('_', '/')}";
        return repository;
    }

    private static JsonObject User(string login, string type) => new()
    {
        ["login"] = login,
        ["id"] = Math.Abs(login.GetHashCode(StringComparison.Ordinal)),
        ["node_id"] = $"U_{login}",
        ["type"] = type,
        ["url"] = $"https://api.github.com/users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["avatar_url"] = $"https://avatars.githubusercontent.com/{login}",
    };
}
