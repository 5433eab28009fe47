using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Fuzz;
using JobSheetQA.Bot.Tests.GitHub;
using JobSheetQA.Bot.Tests.GitHub.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.WorkflowRun;

namespace JobSheetQA.Bot.Tests.Hosting.Inbound;

/// <summary>A 500 only for a fault of the bot's own: one Error line with a correlation id, and the same id in the body.</summary>
public sealed class ServerFaultsTests
{
    [Fact]
    public async Task An_activity_the_bot_fails_to_store_is_a_500_whose_correlation_id_is_in_the_body_and_the_one_error_line()
    {
        await using var rig = await BotFrameworkRig.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var host = TeamsTestHost.Start(rig, new Dictionary<string, string?> { ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "" }, configureServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            // The intake's queue writes to a database that is gone; the worker keeps the real one.
            services.AddSingleton(sp => new InboundTurnQueue(new InboundTurnStore(new GoneDatabase()), TimeProvider.System, sp.GetRequiredService<BotMetrics>(), Options.Create(new InboundOptions())));
        });

        using var response = await host.PostAsync(TestActivities.Message(rig.ServiceUrl, "help"), null);

        await AssertServerFaultAsync(response, logs);
    }

    [Fact]
    public async Task A_webhook_the_bot_fails_to_process_is_a_500_with_a_correlation_id()
    {
        var logs = new CapturingLoggerProvider();
        await using var chat = ChatTestHost.Start(
            new Dictionary<string, string?> { ["GitHub:Webhooks:Enabled"] = "true", ["GitHub:WebhookSecret"] = GitHubWebhookFuzzFixture.Secret },
            services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddSingleton<WebhookEventProcessor, FailingProcessor>();
            });
        using var client = chat.CreateClient();
        var body = WebhookDeliveries.WorkflowRun("completed", 4242, "Promotion staging [p-1]", "completed", "success");

        using var response = await client.SendAsync(WebhookDeliveries.Request("workflow_run", body, Guid.NewGuid().ToString(), GitHubWebhookFuzzFixture.Secret));

        await AssertServerFaultAsync(response, logs);
    }

    private static async Task AssertServerFaultAsync(HttpResponseMessage response, CapturingLoggerProvider logs)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("internal error", body["error"]!.GetValue<string>());
        var correlationId = body["correlationId"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(correlationId));
        var error = Assert.Single(FuzzAssert.ErrorLines(logs));
        Assert.Contains(correlationId, error, StringComparison.Ordinal);
        Assert.Contains("the database is gone", error, StringComparison.Ordinal);
    }

    private sealed class GoneDatabase : IDbContextFactory<BotDbContext>
    {
        public BotDbContext CreateDbContext() => throw new InvalidOperationException("the database is gone");
    }

    private sealed class FailingProcessor : WebhookEventProcessor
    {
        protected override ValueTask ProcessWorkflowRunWebhookAsync(
            WebhookHeaders headers, WorkflowRunEvent workflowRunEvent, WorkflowRunAction action, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the database is gone");
    }
}
