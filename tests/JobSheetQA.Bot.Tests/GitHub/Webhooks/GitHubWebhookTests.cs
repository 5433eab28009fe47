using System.Collections.Concurrent;
using System.Net;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.GitHub.Webhooks;

/// <summary>
/// <c>/api/github/webhooks</c> (docs/github-setup.md, "Webhooks"): HMAC-signed deliveries of <c>workflow_run</c> / <c>workflow_job</c> wake
/// the tracker for the promotion the run belongs to, once per delivery id; anything unsigned or mis-signed is refused.
/// </summary>
public sealed class GitHubWebhookTests : IAsyncLifetime
{
    private const string Secret = "It's a Secret to Everybody";

    private readonly RecordingScheduler scheduler = new();
    private ChatTestHost chat = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        chat = ChatTestHost.Start(
            new Dictionary<string, string?> { ["GitHub:Webhooks:Enabled"] = "true", ["GitHub:WebhookSecret"] = Secret },
            services => services.AddSingleton<IRunTrackingScheduler>(scheduler));
        client = chat.CreateClient();
        await AddPromotionAsync("p-hook-1", PromotionState.Running, runId: 4242);
        await AddPromotionAsync("p-hook-2", PromotionState.Succeeded, runId: 5151);
        // A live polling chain, so the scheduled reconciler has no reason to wake p-hook-1 while a test counts wakes.
        chat.Get<TrackingChains>().Start("p-hook-1");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await chat.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_workflow_run_delivery_wakes_the_tracker_for_the_promotion_in_its_title()
    {
        var body = WebhookDeliveries.WorkflowRun("in_progress", 999_001, "Promotion staging [p-hook-1]", "in_progress", null);

        using var response = await client.SendAsync(WebhookDeliveries.Request("workflow_run", body, Guid.NewGuid().ToString(), Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["p-hook-1"], scheduler.Woken);
    }

    [Fact]
    public async Task A_signed_workflow_job_delivery_wakes_the_promotion_that_owns_its_run()
    {
        var body = WebhookDeliveries.WorkflowJob("completed", 4242, 77, "CI Gate", "completed", "success");

        using var response = await client.SendAsync(WebhookDeliveries.Request("workflow_job", body, Guid.NewGuid().ToString(), Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["p-hook-1"], scheduler.Woken);
    }

    [Fact]
    public async Task A_redelivery_with_the_same_delivery_id_wakes_the_tracker_once()
    {
        var body = WebhookDeliveries.WorkflowRun("completed", 4242, "Promotion staging [p-hook-1]", "completed", "success");
        var delivery = Guid.NewGuid().ToString();

        using var first = await client.SendAsync(WebhookDeliveries.Request("workflow_run", body, delivery, Secret));
        using var again = await client.SendAsync(WebhookDeliveries.Request("workflow_run", body, delivery, Secret));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["p-hook-1"], scheduler.Woken);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData(null)]
    public async Task A_delivery_not_signed_with_the_secret_is_refused_and_wakes_nothing(string? signingSecret)
    {
        var body = WebhookDeliveries.WorkflowRun("completed", 4242, "Promotion staging [p-hook-1]", "completed", "success");

        using var response = await client.SendAsync(WebhookDeliveries.Request("workflow_run", body, Guid.NewGuid().ToString(), signingSecret));

        Assert.False(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        Assert.Empty(scheduler.Woken);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var body = WebhookDeliveries.WorkflowRun("completed", 4242, "Promotion staging [p-hook-1]", "completed", "success");
        var request = WebhookDeliveries.Request("workflow_run", body.Replace("4242", "4243", StringComparison.Ordinal), Guid.NewGuid().ToString(), null);
        request.Headers.Add("X-Hub-Signature-256", WebhookDeliveries.Signature(Secret, body));

        using var response = await client.SendAsync(request);

        Assert.False(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        Assert.Empty(scheduler.Woken);
    }

    [Fact]
    public async Task Runs_of_finished_promotions_or_of_no_promotion_wake_nothing()
    {
        var finished = WebhookDeliveries.WorkflowRun("completed", 5151, "Promotion staging [p-hook-2]", "completed", "success");
        var manual = WebhookDeliveries.WorkflowRun("requested", 6161, "Promotion staging [manual]", "queued", null);
        var otherJob = WebhookDeliveries.WorkflowJob("queued", 7171, 1, "build", "queued", null);

        foreach (var (eventName, body) in new[] { ("workflow_run", finished), ("workflow_run", manual), ("workflow_job", otherJob) })
        {
            using var response = await client.SendAsync(WebhookDeliveries.Request(eventName, body, Guid.NewGuid().ToString(), Secret));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(scheduler.Woken);
    }

    [Fact]
    public async Task A_deployment_protection_rule_delivery_is_ignored_while_the_rule_is_not_enabled()
    {
        var body = JobSheetQA.GitHubSandbox.ProtectionRules.ProtectionRuleDelivery.Body(
            4242, "staging", "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", "main", "octocat", 7_004_242,
            new Uri("https://api.github.com/"), WebhookDeliveries.Owner, WebhookDeliveries.Repo, 1);

        using var response = await client.SendAsync(WebhookDeliveries.Request("deployment_protection_rule", body, Guid.NewGuid().ToString(), Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(scheduler.Woken);
        Assert.Equal(2, (await chat.Get<PromotionStore>().RecentAsync(null, 10)).Count);
    }

    [Fact]
    public async Task Other_events_are_accepted_and_ignored()
    {
        const string body = """{"zen":"Keep it logically awesome.","hook_id":123456}""";

        using var response = await client.SendAsync(WebhookDeliveries.Request("ping", body, Guid.NewGuid().ToString(), Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(scheduler.Woken);
    }

    private async Task AddPromotionAsync(string id, PromotionState state, long runId)
    {
        var now = DateTimeOffset.UtcNow;
        await chat.Get<PromotionStore>().AddAsync(new PromotionEntity
        {
            Id = id,
            Environment = "staging",
            Ref = "main",
            CommitSha = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4",
            RequesterChannel = TestChannel.Name,
            RequesterUserId = "dana",
            RequesterDisplayName = "Dana",
            State = state,
            CorrelationId = id,
            RunId = runId,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    private sealed class RecordingScheduler : IRunTrackingScheduler
    {
        private readonly ConcurrentQueue<string> woken = new();

        public IReadOnlyList<string> Woken => woken.ToList();

        public void TrackSoon(string promotionId) => woken.Enqueue(promotionId);
    }
}

public sealed class GitHubWebhookSettingsTests
{
    [Fact]
    public void An_enabled_endpoint_without_a_secret_stops_start_up_naming_the_key()
    {
        var failure = Assert.ThrowsAny<Exception>(() => ChatTestHost.Start(new Dictionary<string, string?> { ["GitHub:Webhooks:Enabled"] = "true" }));

        Assert.Contains("GitHub:WebhookSecret is required when GitHub:Webhooks:Enabled is true", ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enabled_protection_rule_without_webhooks_stops_start_up_naming_the_keys()
    {
        var failure = Assert.ThrowsAny<Exception>(() => ChatTestHost.Start(new Dictionary<string, string?> { ["GitHub:ProtectionRule:Enabled"] = "true" }));

        Assert.Contains("GitHub:ProtectionRule:Enabled needs GitHub:Webhooks:Enabled=true", ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enabled_protection_rule_on_GitHub_with_a_token_instead_of_the_App_stops_start_up()
    {
        var failure = Assert.ThrowsAny<Exception>(() => ChatTestHost.Start(new Dictionary<string, string?>
        {
            ["GitHub:Mode"] = "GitHub",
            ["GitHub:Owner"] = "contoso",
            ["GitHub:Repository"] = "job-sheet-qa-auditor",
            ["GitHub:Token"] = "github_pat_unused",
            ["GitHub:Webhooks:Enabled"] = "true",
            ["GitHub:WebhookSecret"] = "secret",
            ["GitHub:ProtectionRule:Enabled"] = "true",
        }));

        Assert.Contains("GitHub:ProtectionRule:Enabled needs the GitHub App", ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    [InlineData("soon")]
    public void A_protection_rule_give_up_time_out_of_range_stops_start_up_naming_the_key(string giveUpAfter)
    {
        var failure = Assert.ThrowsAny<Exception>(() => ChatTestHost.Start(new Dictionary<string, string?>
        {
            ["GitHub:Webhooks:Enabled"] = "true",
            ["GitHub:WebhookSecret"] = "secret",
            ["GitHub:ProtectionRule:Enabled"] = "true",
            ["GitHub:ProtectionRule:GiveUpAfter"] = giveUpAfter,
        }));

        Assert.Contains("GitHub:ProtectionRule:GiveUpAfter must be more than 00:00:00 and at most 1.00:00:00",
            ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_webhooks_enabled_there_is_no_endpoint()
    {
        await using var chat = ChatTestHost.Start(new Dictionary<string, string?> { ["GitHub:WebhookSecret"] = "unused" });
        using var client = chat.CreateClient();
        var body = WebhookDeliveries.WorkflowRun("completed", 1, "Promotion staging [p-1]", "completed", "success");

        using var response = await client.SendAsync(WebhookDeliveries.Request("workflow_run", body, Guid.NewGuid().ToString(), "unused"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
