using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.GitHub;
using JobSheetQA.Bot.Tests.GitHub.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>The bot with the webhook endpoint on, its log captured.</summary>
public sealed class GitHubWebhookFuzzFixture : IAsyncLifetime
{
    public const string Secret = "It's a Secret to Everybody";

    public ChatTestHost Chat { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    internal CapturingLoggerProvider Logs { get; } = new();

    public Task InitializeAsync()
    {
        Chat = ChatTestHost.Start(
            new Dictionary<string, string?> { ["GitHub:Webhooks:Enabled"] = "true", ["GitHub:WebhookSecret"] = Secret },
            services => services.AddSingleton<ILoggerProvider>(Logs));
        Client = Chat.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Chat.DisposeAsync();
    }

    /// <summary>A delivery signed over exactly <paramref name="body"/>; <paramref name="events"/> become X-GitHub-Event headers.</summary>
    public Task<HttpResponseMessage?> PostAsync(byte[] body, IReadOnlyList<string> events, string? contentType = "application/json") =>
        FuzzAssert.SendAsync(cancellationToken =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/github/webhooks") { Content = new ByteArrayContent(body) };
            if (contentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            foreach (var name in events)
                request.Headers.TryAddWithoutValidation("X-GitHub-Event", name);
            request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)));
            return Client.SendAsync(request, cancellationToken);
        });
}

/// <summary>
/// Hostile but correctly signed deliveries on <c>/api/github/webhooks</c> (issue #15): the reported shapes of
/// <c>workflow_run</c> / <c>workflow_job</c>, then a seeded fuzz run (<see cref="FuzzSettings"/>). Each gets 400 with a
/// reason (200 for an event or action the bot does not handle), never 5xx, and no Error line.
/// </summary>
public sealed class GitHubWebhookFuzzTests(GitHubWebhookFuzzFixture fixture, ITestOutputHelper output) : IClassFixture<GitHubWebhookFuzzFixture>
{
    private static string Run => WebhookDeliveries.WorkflowRun("completed", 4242, "Promotion staging [p-fuzz]", "completed", "success");

    public static TheoryData<string, string, string> Reported => new()
    {
        { "missing action", "workflow_run", Run.Replace("\"action\":\"completed\",", "", StringComparison.Ordinal) },
        { "sender.type of the wrong type", "workflow_run", Run.Replace("\"type\":\"Bot\"", "\"type\":7", StringComparison.Ordinal) },
        { "truncated", "workflow_run", Run[..(Run.Length / 2)] },
        { "empty body", "workflow_run", "" },
        { "lone surrogate", "workflow_run", Run.Replace("Promotion staging", "Promotion \\ud800 staging", StringComparison.Ordinal) },
        { "deep nesting", "workflow_run", Run.Replace("\"display_title\":", "\"x\":" + new string('[', 200) + new string(']', 200) + ",\"display_title\":", StringComparison.Ordinal) },
        { "header naming another event", "workflow_job", Run },
        { "duplicate keys", "workflow_run", "{\"action\":\"requested\"," + Run[1..] },
        { "not an object", "workflow_run", "[1,2,3]" },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public async Task A_handled_event_of_the_wrong_shape_is_a_400_with_a_reason(string what, string eventName, string body)
    {
        using var response = await fixture.PostAsync(Encoding.UTF8.GetBytes(body), [eventName]);

        Assert.True(response?.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response?.StatusCode}");
        Assert.Contains("\"error\"", await response!.Content.ReadAsStringAsync());
        Assert.Empty(FuzzAssert.ErrorLines(fixture.Logs));
    }

    [Fact]
    public async Task Invalid_UTF8_a_wrong_content_type_or_event_header_is_a_400_without_an_error_line()
    {
        var invalid = Encoding.UTF8.GetBytes(Run);
        invalid[Run.IndexOf("Promotion", StringComparison.Ordinal)] = 0xFF;

        using var bytes = await fixture.PostAsync(invalid, ["workflow_run"]);
        using var contentType = await fixture.PostAsync(Encoding.UTF8.GetBytes(Run), ["workflow_run"], "text/plain");
        using var noEvent = await fixture.PostAsync(Encoding.UTF8.GetBytes(Run), []);
        using var twoEvents = await fixture.PostAsync(Encoding.UTF8.GetBytes(Run), ["workflow_run", "workflow_job"]);

        Assert.Equal(HttpStatusCode.BadRequest, bytes?.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, contentType?.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEvent?.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twoEvents?.StatusCode);
        Assert.Empty(FuzzAssert.ErrorLines(fixture.Logs));
    }

    [Fact]
    public async Task An_action_or_event_the_bot_does_not_handle_is_acknowledged()
    {
        using var newAction = await fixture.PostAsync(Encoding.UTF8.GetBytes(Run.Replace("\"action\":\"completed\"", "\"action\":\"rerun_later\"", StringComparison.Ordinal)), ["workflow_run"]);
        using var otherEvent = await fixture.PostAsync(Encoding.UTF8.GetBytes("""{"zen":"Design for failure.","hook_id":1}"""), ["ping"]);

        Assert.Equal(HttpStatusCode.OK, newAction?.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherEvent?.StatusCode);
    }

    [Fact]
    public async Task Seeded_hostile_deliveries_get_no_5xx_and_no_error_log()
    {
        var random = new Random(FuzzSettings.Seed);
        var mutator = new JsonMutator(random);
        var tally = new FuzzTally("github");
        string[] otherEvents = ["workflow_run", "workflow_job", "ping", "push", "deployment_protection_rule", "check_run", "unknown_event", ""];
        string?[] contentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", null];
        for (var i = 0; i < FuzzSettings.Cases; i++)
        {
            var (eventName, seed) = random.Next(4) switch
            {
                0 => ("workflow_run", Run),
                1 => ("workflow_job", WebhookDeliveries.WorkflowJob("in_progress", 4242 + i, 77, "CI Gate", "in_progress", null)),
                2 => ("workflow_run", WebhookDeliveries.WorkflowRun("requested", 5000 + i, $"Promotion production [p-{i}]", "queued", null)),
                _ => ("ping", """{"zen":"Keep it logically awesome.","hook_id":1,"hook":{"type":"Repository","id":1,"events":["workflow_run"]}}"""),
            };
            var body = mutator.Mutate(JsonNode.Parse(seed)!, ["action"]);
            var mutations = body.Mutations;
            IReadOnlyList<string> events = [eventName];
            switch (random.Next(12))
            {
                case 0:
                    events = [otherEvents[random.Next(otherEvents.Length)]];
                    mutations += $"; event {events[0]}";
                    break;
                case 1:
                    events = random.Next(2) == 0 ? [] : [eventName, eventName];
                    mutations += $"; {events.Count} event headers";
                    break;
            }

            var contentType = random.Next(12) == 0 ? contentTypes[random.Next(contentTypes.Length)] : "application/json";
            using var response = await fixture.PostAsync(body.Bytes, events, contentType);
            tally.Add(i, response?.StatusCode, allowNotImplemented: false, $"{mutations}; content type {contentType}");
        }

        output.WriteLine(tally.ToString());
        Assert.Contains("promote", await fixture.Chat.SayAsync("dana", "help"), StringComparison.Ordinal);
        FuzzAssert.Clean(tally, outbound: null, fixture.Logs);
    }
}
