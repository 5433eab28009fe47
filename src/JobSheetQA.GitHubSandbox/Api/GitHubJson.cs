using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Fixtures;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>
/// Response bodies: the official example with the fields the simulation controls overridden, every other
/// official field kept (Fixtures/SOURCE.md).
/// </summary>
internal static class GitHubJson
{
    /// <summary>Timestamps of things the sandbox does not track (secrets, variables, workflows).</summary>
    public static readonly DateTimeOffset RepositoryEpoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? at) => at is { } t ? Time(t) : null;

    public static string NodeId(string kind, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}{id}"));

    public static JsonObject Run(RunSnapshot snapshot, ApiUrls urls)
    {
        var run = snapshot.Run;
        var node = Obj(GitHubFixtures.WorkflowRun);
        var runUrl = $"{urls.RepoApi}/actions/runs/{run.Id}";
        node["id"] = run.Id;
        node["name"] = run.WorkflowName;
        node["node_id"] = NodeId("WorkflowRun", run.Id);
        node["check_suite_id"] = run.Id + 1_000_000_000;
        node["check_suite_node_id"] = NodeId("CheckSuite", run.Id + 1_000_000_000);
        node["head_branch"] = run.HeadBranch;
        node["head_sha"] = run.HeadSha;
        node["path"] = $"{run.WorkflowFile}@refs/heads/{run.HeadBranch}";
        node["run_number"] = run.RunNumber;
        node["event"] = "workflow_dispatch";
        node["display_title"] = run.DisplayTitle;
        node["status"] = snapshot.Status;
        node["conclusion"] = snapshot.Conclusion;
        node["workflow_id"] = run.WorkflowId;
        node["url"] = runUrl;
        node["html_url"] = $"{urls.RepoHtml}/actions/runs/{run.Id}";
        node["pull_requests"] = new JsonArray();
        node["created_at"] = Time(run.CreatedAt);
        node["updated_at"] = Time(snapshot.UpdatedAt);
        node["actor"] = Actor(node["actor"], run.Actor, urls);
        node["triggering_actor"] = Actor(node["triggering_actor"], run.Actor, urls);
        node["run_attempt"] = 1;
        node["referenced_workflows"] = new JsonArray();
        node["run_started_at"] = Time(snapshot.RunStartedAt);
        node["jobs_url"] = runUrl + "/jobs";
        node["logs_url"] = runUrl + "/logs";
        node["check_suite_url"] = $"{urls.RepoApi}/check-suites/{run.Id + 1_000_000_000}";
        node["artifacts_url"] = runUrl + "/artifacts";
        node["cancel_url"] = runUrl + "/cancel";
        node["rerun_url"] = runUrl + "/rerun";
        node["previous_attempt_url"] = null;
        node["workflow_url"] = $"{urls.RepoApi}/actions/workflows/{run.WorkflowId}";
        if (node["head_commit"] is JsonObject commit)
        {
            commit["id"] = run.HeadSha;
            commit["tree_id"] = run.HeadSha;
            commit["message"] = $"Head of {run.HeadBranch}";
        }

        Repository(node["repository"], urls);
        Repository(node["head_repository"], urls);
        return node;
    }

    public static JsonObject Job(RunSnapshot snapshot, JobSnapshot job, ApiUrls urls)
    {
        var run = snapshot.Run;
        var node = Obj(GitHubFixtures.Job);
        node["id"] = job.Id;
        node["run_id"] = run.Id;
        node["run_url"] = $"{urls.RepoApi}/actions/runs/{run.Id}";
        node["run_attempt"] = 1;
        node["node_id"] = NodeId("WorkflowJob", job.Id);
        node["head_sha"] = run.HeadSha;
        node["url"] = $"{urls.RepoApi}/actions/jobs/{job.Id}";
        node["html_url"] = $"{urls.RepoHtml}/actions/runs/{run.Id}/job/{job.Id}";
        node["status"] = job.Status;
        node["conclusion"] = job.Conclusion;
        node["created_at"] = Time(job.StartedAt);
        node["started_at"] = Time(job.StartedAt);
        node["completed_at"] = Time(job.CompletedAt);
        node["name"] = job.Name;
        node["steps"] = new JsonArray(job.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["status"] = s.Status,
            ["conclusion"] = s.Conclusion,
            ["number"] = s.Number,
            ["started_at"] = Time(s.StartedAt),
            ["completed_at"] = Time(s.CompletedAt),
        }).ToArray());
        node["check_run_url"] = $"{urls.RepoApi}/check-runs/{job.Id}";
        var assigned = job.Status is "in_progress" or "completed" && job.Conclusion != "skipped";
        node["labels"] = new JsonArray("ubuntu-latest");
        node["runner_id"] = assigned ? 1 : null;
        node["runner_name"] = assigned ? "GitHub Actions 1" : null;
        node["runner_group_id"] = assigned ? 2 : null;
        node["runner_group_name"] = assigned ? "GitHub Actions" : null;
        node["workflow_name"] = run.WorkflowName;
        node["head_branch"] = run.HeadBranch;
        return node;
    }

    public static JsonObject Artifact(ArtifactView artifact, ApiUrls urls)
    {
        var node = Obj(GitHubFixtures.Artifact);
        node["id"] = artifact.Id;
        node["node_id"] = NodeId("Artifact", artifact.Id);
        node["name"] = artifact.Name;
        node["size_in_bytes"] = artifact.Zip.Length;
        node["url"] = $"{urls.RepoApi}/actions/artifacts/{artifact.Id}";
        node["archive_download_url"] = $"{urls.RepoApi}/actions/artifacts/{artifact.Id}/zip";
        node["expired"] = artifact.Expired;
        node["created_at"] = Time(artifact.CreatedAt);
        node["expires_at"] = Time(artifact.ExpiresAt);
        node["updated_at"] = Time(artifact.CreatedAt);
        node["digest"] = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(artifact.Zip));
        if (node["workflow_run"] is JsonObject run)
        {
            run["id"] = artifact.Run.Run.Id;
            run["head_branch"] = artifact.Run.Run.HeadBranch;
            run["head_sha"] = artifact.Run.Run.HeadSha;
        }

        return node;
    }

    public static JsonObject Workflow(WorkflowFileRef workflow, string? name, string state, ApiUrls urls)
    {
        var node = Obj(GitHubFixtures.Workflow);
        node["id"] = workflow.Id;
        node["node_id"] = NodeId("Workflow", workflow.Id);
        node["name"] = name ?? workflow.Path;
        node["path"] = workflow.Path;
        node["state"] = state;
        node["created_at"] = Time(RepositoryEpoch);
        node["updated_at"] = Time(RepositoryEpoch);
        node["url"] = $"{urls.RepoApi}/actions/workflows/{workflow.Id}";
        node["html_url"] = $"{urls.RepoHtml}/blob/main/{workflow.Path}";
        node["badge_url"] = $"{urls.RepoHtml}/workflows/{Uri.EscapeDataString(name ?? workflow.FileName)}/badge.svg";
        return node;
    }

    public static JsonObject GitRef(string branch, string sha, ApiUrls urls)
    {
        var node = Obj(GitHubFixtures.GitRef);
        node["ref"] = "refs/heads/" + branch;
        node["node_id"] = NodeId("Ref", branch.Length);
        node["url"] = $"{urls.RepoApi}/git/refs/heads/{branch}";
        node["object"] = new JsonObject
        {
            ["type"] = "commit",
            ["sha"] = sha,
            ["url"] = $"{urls.RepoApi}/git/commits/{sha}",
        };
        return node;
    }

    public static JsonObject Branch(string branch, string sha, ApiUrls urls)
    {
        var node = Obj(GitHubFixtures.Branch);
        node["name"] = branch;
        if (node["commit"] is JsonObject commit)
        {
            commit["sha"] = sha;
            commit["url"] = $"{urls.RepoApi}/commits/{sha}";
            commit["html_url"] = $"{urls.RepoHtml}/commit/{sha}";
            commit["comments_url"] = $"{urls.RepoApi}/commits/{sha}/comments";
            if (commit["commit"] is JsonObject inner)
            {
                inner["url"] = $"{urls.RepoApi}/git/commits/{sha}";
                inner["message"] = $"Head of {branch}";
            }
        }

        node["_links"] = new JsonObject
        {
            ["html"] = $"{urls.RepoHtml}/tree/{branch}",
            ["self"] = $"{urls.RepoApi}/branches/{branch}",
        };
        node["protection_url"] = $"{urls.RepoApi}/branches/{branch}/protection";
        return node;
    }

    public static JsonObject Secret(string name)
    {
        var node = Obj(GitHubFixtures.ActionsSecret);
        node["name"] = name;
        node["created_at"] = Time(RepositoryEpoch);
        node["updated_at"] = Time(RepositoryEpoch);
        return node;
    }

    public static JsonObject Variable(string name, string value)
    {
        var node = Obj(GitHubFixtures.ActionsVariable);
        node["name"] = name;
        node["value"] = value;
        node["created_at"] = Time(RepositoryEpoch);
        node["updated_at"] = Time(RepositoryEpoch);
        return node;
    }

    /// <summary>A file of the contents API. The example's <c>content</c> is not valid base64, so it is generated here.</summary>
    public static JsonObject Content(string path, string text, string gitRef, ApiUrls urls)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = BlobSha(bytes);
        var node = Obj(GitHubFixtures.ContentFile);
        var self = $"{urls.RepoApi}/contents/{path}?ref={Uri.EscapeDataString(gitRef)}";
        var git = $"{urls.RepoApi}/git/blobs/{sha}";
        var html = $"{urls.RepoHtml}/blob/{gitRef}/{path}";
        node["type"] = "file";
        node["encoding"] = "base64";
        node["size"] = bytes.Length;
        node["name"] = path[(path.LastIndexOf('/') + 1)..];
        node["path"] = path;
        node["content"] = Base64Lines(bytes);
        node["sha"] = sha;
        node["url"] = self;
        node["git_url"] = git;
        node["html_url"] = html;
        node["download_url"] = $"{urls.Base}raw/{urls.Owner}/{urls.Repo}/{gitRef}/{path}";
        node["_links"] = new JsonObject { ["git"] = git, ["self"] = self, ["html"] = html };
        return node;
    }

    /// <summary>Base64 with a newline after every 60 characters, as the contents API sends it.</summary>
    public static string Base64Lines(byte[] bytes)
    {
        var base64 = Convert.ToBase64String(bytes);
        var builder = new StringBuilder(base64.Length + (base64.Length / 60) + 1);
        for (var i = 0; i < base64.Length; i += 60)
        {
            builder.Append(base64, i, Math.Min(60, base64.Length - i)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Git's blob id: SHA-1 of <c>blob &lt;size&gt;\0</c> + bytes.</summary>
    public static string BlobSha(byte[] bytes)
    {
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData([.. header, .. bytes]));
    }

    public static JsonObject InstallationToken(string token, DateTimeOffset expiresAt, ApiUrls urls)
    {
        var node = Obj(GitHubFixtures.InstallationToken);
        node["token"] = token;
        node["expires_at"] = Time(expiresAt);
        node["permissions"] = new JsonObject
        {
            ["actions"] = "write",
            ["contents"] = "read",
            ["metadata"] = "read",
            ["secrets"] = "read",
            ["environments"] = "read",
        };
        node["repository_selection"] = "selected";
        if (node["repositories"] is JsonArray repositories)
        {
            foreach (var repository in repositories)
            {
                Repository(repository, urls);
            }
        }

        return node;
    }

    public static JsonObject Installation(long installationId, long appId, string slug, string? clientId, ApiUrls urls)
    {
        var node = Obj(GitHubFixtures.Installation);
        node["id"] = installationId;
        node["app_id"] = appId;
        node["app_slug"] = slug;
        node["client_id"] = clientId ?? $"Iv1.{appId:x16}";
        node["repository_selection"] = "selected";
        node["access_tokens_url"] = $"{urls.Api}app/installations/{installationId}/access_tokens";
        node["repositories_url"] = $"{urls.Api}installation/repositories";
        node["html_url"] = $"{urls.Base}organizations/{urls.Owner}/settings/installations/{installationId}";
        node["target_type"] = "Organization";
        if (node["account"] is JsonObject account)
        {
            account["login"] = urls.Owner;
            account["url"] = $"{urls.Api}users/{urls.Owner}";
            account["html_url"] = $"{urls.Base}{urls.Owner}";
        }

        return node;
    }

    public static JsonObject RateLimit(int limit, int used, int remaining, long reset)
    {
        var node = Obj(GitHubFixtures.RateLimitOverview);
        var core = new JsonObject { ["limit"] = limit, ["used"] = used, ["remaining"] = remaining, ["reset"] = reset };
        if (node["resources"] is JsonObject resources)
        {
            resources["core"] = core;
        }

        node["rate"] = core.DeepClone();
        return node;
    }

    public static JsonObject DispatchDetails(SimulatedRun run, ApiUrls urls)
    {
        var node = Obj(GitHubFixtures.WorkflowDispatchResponse);
        node["workflow_run_id"] = run.Id;
        node["run_url"] = $"{urls.RepoApi}/actions/runs/{run.Id}";
        node["html_url"] = $"{urls.RepoHtml}/actions/runs/{run.Id}";
        return node;
    }

    public static JsonArray PendingDeployments(RunSnapshot snapshot, ApiUrls urls)
    {
        if (!snapshot.WaitingForReview)
        {
            return [];
        }

        var item = (JsonObject)((JsonArray)GitHubFixtures.Load(GitHubFixtures.PendingDeployments))[0]!.DeepClone();
        var environment = snapshot.Run.TargetEnvironment;
        var environmentId = EnvironmentId(environment);
        item["environment"] = new JsonObject
        {
            ["id"] = environmentId,
            ["node_id"] = NodeId("Environment", environmentId),
            ["name"] = environment,
            ["url"] = $"{urls.RepoApi}/environments/{environment}",
            ["html_url"] = $"{urls.RepoHtml}/deployments/activity_log?environments_filter={environment}",
        };
        item["wait_timer"] = 0;
        item["wait_timer_started_at"] = Time(snapshot.Jobs.FirstOrDefault(j => j.Status == "waiting")?.StartedAt ?? snapshot.UpdatedAt);
        return [item];
    }

    public static long EnvironmentId(string environment) =>
        160_000_000 + (BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(environment)), 0) % 1_000_000);

    public static JsonArray Annotations(RunSnapshot snapshot, JobSnapshot job, ApiUrls urls)
    {
        var template = (JsonObject)((JsonArray)GitHubFixtures.Load(GitHubFixtures.CheckAnnotations))[0]!;
        return new JsonArray(JobLogs.Errors(snapshot, job).Select(message =>
        {
            var item = (JsonObject)template.DeepClone();
            item["path"] = ".github";
            item["start_line"] = 1;
            item["end_line"] = 1;
            item["start_column"] = null;
            item["end_column"] = null;
            item["annotation_level"] = "failure";
            item["title"] = job.Name;
            item["message"] = message;
            item["raw_details"] = null;
            item["blob_href"] = $"{urls.RepoHtml}/blob/main/.github";
            return (JsonNode)item;
        }).ToArray());
    }

    public static JsonObject Paged(string key, int totalCount, IEnumerable<JsonNode> items) => new()
    {
        ["total_count"] = totalCount,
        [key] = new JsonArray(items.ToArray()),
    };

    private static JsonObject Obj(string fixture) => (JsonObject)GitHubFixtures.Load(fixture);

    private static JsonNode Actor(JsonNode? template, string login, ApiUrls urls)
    {
        var actor = template?.DeepClone() as JsonObject ?? new JsonObject();
        var bot = login.EndsWith("[bot]", StringComparison.Ordinal);
        actor["login"] = login;
        actor["id"] = bot ? 41_898_282 : 1_001;
        actor["node_id"] = NodeId(bot ? "Bot" : "User", bot ? 41_898_282 : 1_001);
        actor["type"] = bot ? "Bot" : "User";
        actor["url"] = $"{urls.Api}users/{Uri.EscapeDataString(login)}";
        actor["html_url"] = $"{urls.Base}{Uri.EscapeDataString(login)}";
        return actor;
    }

    private static void Repository(JsonNode? node, ApiUrls urls)
    {
        if (node is not JsonObject repository)
        {
            return;
        }

        repository["name"] = urls.Repo;
        repository["full_name"] = $"{urls.Owner}/{urls.Repo}";
        repository["url"] = urls.RepoApi;
        repository["html_url"] = urls.RepoHtml;
        if (repository["owner"] is JsonObject owner)
        {
            owner["login"] = urls.Owner;
            owner["url"] = $"{urls.Api}users/{urls.Owner}";
            owner["html_url"] = $"{urls.Base}{urls.Owner}";
        }
    }
}
