using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Hosting;
using JobSheetQA.GitHubSandbox.ProtectionRules;
using JobSheetQA.GitHubSandbox.Webhooks;
using Octokit.Webhooks.Events;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>
/// The sandbox's custom deployment protection rule (README "Deployment protection rule"): runs started from the Actions
/// tab, Deploy waiting for the App's answer, the callback endpoint, the timeout and the signed webhook.
/// </summary>
public sealed class ProtectionRuleSimulationTests
{
    private const string Secret = "sandbox-protection-secret";

    [Fact]
    public async Task A_run_started_from_the_Actions_tab_waits_at_Deploy_until_the_rule_approves_and_a_second_answer_is_refused()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.ProtectionRule = new SandboxProtectionRuleOptions());
        using var control = ctx.ControlClient();

        using var started = await control.PostAsJsonAsync("runs", new { actor = "octocat", environment = "production" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var run = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var runId = (long)run["id"]!;
        Assert.Equal("octocat", (string?)run["actor"]);
        Assert.True((bool)run["startedFromActionsTab"]!);
        Assert.Equal("Promotion production skip_parity=false nightly=false [manual]", (string?)run["displayTitle"]);

        AdvanceUntil(ctx, runId, "waiting");
        var delivery = JsonNode.Parse(await control.GetStringAsync($"runs/{runId}/protection-rule-delivery"))!;
        Assert.Equal("requested", (string?)delivery["action"]);
        Assert.Equal("production", (string?)delivery["environment"]);
        Assert.Equal("octocat", (string?)delivery["sender"]!["login"]);
        Assert.Equal(ctx.Sandbox.Control.GetRun(runId)!.HeadSha, (string?)delivery["deployment"]!["sha"]);
        var callback = new Uri((string)delivery["deployment_callback_url"]!);
        Assert.Equal($"/api/v3/repos/contoso/job-sheet-qa-auditor/actions/runs/{runId}/deployment_protection_rule", callback.AbsolutePath);

        using var approved = await ctx.Http.PostAsJsonAsync(callback, new { environment_name = "production", state = "approved", comment = "Allowed" });
        using var again = await ctx.Http.PostAsJsonAsync(callback, new { environment_name = "production", state = "rejected", comment = "Changed my mind" });
        Assert.Equal(HttpStatusCode.NoContent, approved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        var done = await ctx.RunToCompletionAsync(runId);
        Assert.Equal("success", done.Conclusion!.Value.StringValue);
        var summary = ctx.Sandbox.Control.GetRun(runId)!.ProtectionRule!;
        Assert.Equal(("approved", "Allowed", 2), (summary.State, summary.Comment, summary.Reviews));
    }

    [Fact]
    public async Task A_rejected_run_fails_at_Deploy()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.ProtectionRule = new SandboxProtectionRuleOptions());
        var runId = ctx.Sandbox.Control.StartFromActionsTab("octocat", "staging").Id;
        AdvanceUntil(ctx, runId, "waiting");

        using var rejected = await ctx.Http.PostAsJsonAsync($"{ctx.RepoPath}/actions/runs/{runId}/deployment_protection_rule",
            new { environment_name = "staging", state = "rejected", comment = "STAGE-FIRST" });

        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        var done = await ctx.RunToCompletionAsync(runId);
        Assert.Equal("failure", done.Conclusion!.Value.StringValue);
        Assert.Equal("Deployment to staging was rejected", ctx.Sandbox.Control.GetRun(runId)!.Jobs.Single(j => j.Name == "Deploy").FailureMessage);
    }

    [Fact]
    public async Task A_run_nobody_answers_in_time_fails()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.ProtectionRule = new SandboxProtectionRuleOptions { Timeout = TimeSpan.FromMinutes(1) });
        var runId = ctx.Sandbox.Control.StartFromActionsTab("octocat", "staging").Id;
        AdvanceUntil(ctx, runId, "waiting");

        ctx.Time.Advance(TimeSpan.FromMinutes(1));

        var run = ctx.Sandbox.Control.GetRun(runId)!;
        Assert.Equal(("completed", "failure"), (run.Status, run.Conclusion));
        Assert.Equal("Deployment protection rule for staging timed out", run.Jobs.Single(j => j.Name == "Deploy").FailureMessage);
    }

    [Fact]
    public async Task When_Deploy_starts_waiting_the_signed_webhook_is_sent_once()
    {
        var received = new ConcurrentQueue<(HttpRequestMessage Request, string Body)>();
        await using var ctx = await StartRecordingWebhooksAsync(received);
        var runId = ctx.Sandbox.Control.StartFromActionsTab("octocat", "staging").Id;
        AdvanceUntil(ctx, runId, "waiting");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!received.Any(IsProtectionRule) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await Task.Delay(300);

        var (request, body) = Assert.Single(received, IsProtectionRule);
        Assert.Equal("https://bot.example.com/api/github/webhooks", request.RequestUri!.ToString());
        Assert.Equal("deployment_protection_rule", request.Headers.GetValues("X-GitHub-Event").Single());
        Assert.Equal(HookshotRequest.Signature(Secret, body), request.Headers.GetValues("X-Hub-Signature-256").Single());
        Assert.Equal(runId, JsonDocument.Parse(body).RootElement.GetProperty("deployment").GetProperty("id").GetInt64() - 7_000_000);
        Assert.NotNull(ctx.Sandbox.Control.GetRun(runId)!.ProtectionRule!.DeliveredAt);
    }

    [Fact]
    public async Task Every_run_and_job_status_change_is_sent_once_as_a_signed_workflow_run_or_workflow_job_webhook()
    {
        var received = new ConcurrentQueue<(HttpRequestMessage Request, string Body)>();
        await using var ctx = await StartRecordingWebhooksAsync(received);
        var runId = ctx.Sandbox.Control.StartFromActionsTab("octocat", "staging").Id;
        AdvanceUntil(ctx, runId, "waiting");
        var waiting = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!received.Any(r => Event(r) == "workflow_job" && r.Body.Contains("\"action\":\"waiting\"", StringComparison.Ordinal)) && DateTime.UtcNow < waiting)
            await Task.Delay(50);
        ctx.Sandbox.Control.ApproveDeployment(runId);
        for (var i = 0; i < 40 && ctx.Sandbox.Control.GetRun(runId)!.Status != "completed"; i++)
        {
            ctx.Time.Advance(SandboxTestContext.Tick);
            await Task.Delay(150); // the notifier looks every 100 ms of real time
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!received.Any(r => Event(r) == "workflow_run" && r.Body.Contains("\"action\":\"completed\"", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await Task.Delay(300);

        var runs = received.Where(r => Event(r) == "workflow_run").Select(r => JsonSerializer.Deserialize<WorkflowRunEvent>(r.Body)!).ToList();
        Assert.Equal(["in_progress", "completed"], runs.Select(e => e.Action).Distinct().Where(a => a != "requested"));
        Assert.All(runs, e => Assert.Equal(runId, e.WorkflowRun.Id));
        Assert.Equal("success", JsonDocument.Parse(received.Last(r => Event(r) == "workflow_run").Body).RootElement.GetProperty("workflow_run").GetProperty("conclusion").GetString());
        Assert.Equal("octocat", runs[0].Sender!.Login);

        var jobs = received.Where(r => Event(r) == "workflow_job").Select(r => JsonSerializer.Deserialize<WorkflowJobEvent>(r.Body)!).ToList();
        var deploy = jobs.Where(e => e.WorkflowJob.Name == "Deploy").Select(e => e.Action).ToList();
        Assert.Contains("waiting", deploy);
        Assert.Equal("completed", deploy[^1]);
        Assert.Equal(6, jobs.Count(e => e.Action == "completed"));
        Assert.All(received, r => Assert.Equal(HookshotRequest.Signature(Secret, r.Body), r.Request.Headers.GetValues("X-Hub-Signature-256").Single()));
        Assert.Equal(received.Count, received.Select(r => r.Request.Headers.GetValues("X-GitHub-Delivery").Single()).Distinct().Count());
    }

    /// <summary>A sandbox with the protection rule whose webhooks, instead of leaving, are put in <paramref name="received"/>.</summary>
    private static Task<SandboxTestContext> StartRecordingWebhooksAsync(ConcurrentQueue<(HttpRequestMessage Request, string Body)> received) =>
        SandboxTestContext.StartAsync(o => o.ProtectionRule = new SandboxProtectionRuleOptions
        {
            WebhookUrl = new Uri("https://bot.example.com/api/github/webhooks"),
            WebhookSecret = Secret,
            WebhookHandler = () => new Recorder(received),
        });

    private static string Event((HttpRequestMessage Request, string Body) delivery) => delivery.Request.Headers.GetValues("X-GitHub-Event").Single();

    private static bool IsProtectionRule((HttpRequestMessage Request, string Body) delivery) => Event(delivery) == ProtectionRuleDelivery.EventName;

    private static void AdvanceUntil(SandboxTestContext ctx, long runId, string status)
    {
        for (var i = 0; i < 40 && ctx.Sandbox.Control.GetRun(runId)!.Status != status; i++)
            ctx.Time.Advance(SandboxTestContext.Tick);
        Assert.Equal(status, ctx.Sandbox.Control.GetRun(runId)!.Status);
    }

    private sealed class Recorder(ConcurrentQueue<(HttpRequestMessage, string)> received) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            received.Enqueue((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
