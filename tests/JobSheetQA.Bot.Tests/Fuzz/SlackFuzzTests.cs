using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using JobSheetQA.Bot.Tests.Channels.Support;
using JobSheetQA.Bot.Tests.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>The bot with Slack on, one worker (turns in arrival order), room for every queued turn, its Web API calls recorded.</summary>
public sealed class SlackFuzzFixture : IAsyncLifetime
{
    public SlackTestHost Slack { get; private set; } = null!;

    internal CapturingLoggerProvider Logs { get; } = new();

    public OutboundRecorder Outbound { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Inbound:Workers"] = "1", ["Slack:QueueCapacity"] = "100000" },
            services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
                services.AddHttpClient(SlackWebApi.HttpClientName).AddHttpMessageHandler(() => Outbound.CreateHandler());
            });
        var authority = Slack.Api.BaseUrl.Authority;
        Outbound = new OutboundRecorder(uri => uri.Authority == authority);
    }

    public async Task DisposeAsync() => await Slack.DisposeAsync();

    public Task<HttpResponseMessage?> PostAsync(string path, byte[] body, string contentType) =>
        FuzzAssert.SendAsync(cancellationToken => Slack.PostSignedAsync(path, body, contentType, cancellationToken: cancellationToken));

    /// <summary>
    /// Sends <c>help</c> as a direct message and waits for the answer: with one worker, every turn queued before it has been
    /// handled by then.
    /// </summary>
    public async Task AssertAnswersHelpAsync()
    {
        var channel = "DHELP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var body = Slack.Callback(SlackTestHost.Message(channel, "U0DANA", "help", "1764150999.000001"));
        using var response = await PostAsync("/api/slack/events", Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
        Assert.Equal(HttpStatusCode.OK, response?.StatusCode);
        var answer = await Slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel, TimeSpan.FromSeconds(120));
        Assert.Contains("promote", answer.Body.ToJsonString(), StringComparison.Ordinal);
        // Every fuzz turn handled (answered or given up) before the log is read.
        await StoredTurns.WaitUntilFinishedAsync(Slack.Bot.Services, TimeSpan.FromSeconds(120));
    }
}

/// <summary>
/// Hostile but correctly signed input on the Slack endpoints (issue #15): the reported cases, then a seeded fuzz run
/// (<see cref="FuzzSettings"/>) over events, slash commands and interactions. Malformed input gets 400 (or 200 and is
/// ignored), never 5xx; no turn fails in the worker (an Error line); no <c>response_url</c> outside Slack's is ever called.
/// </summary>
public sealed class SlackFuzzTests(SlackFuzzFixture fixture, ITestOutputHelper output) : IClassFixture<SlackFuzzFixture>
{
    private const string Events = "/api/slack/events";
    private const string Commands = "/api/slack/commands";
    private const string Interactions = "/api/slack/interactions";
    private const string FormType = "application/x-www-form-urlencoded";

    private static readonly string[] RefusedResponseUrls =
    [
        "file:///etc/passwd", "javascript:alert(1)", "gopher://127.0.0.1:70/_x", "http://169.254.169.254/latest/meta-data/",
        "https://hooks.slack.com.evil.example/actions/1", "https://user@evil.example/", "ftp://hooks.slack.com/x",
    ];

    private int next;

    public static TheoryData<string> Refused => [.. RefusedResponseUrls];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_interaction_or_command_whose_response_url_is_not_Slacks_is_a_400_and_nothing_is_sent(string responseUrl)
    {
        var click = Click("C0REFUSED", "cmd:0:0", "help");
        click["response_url"] = responseUrl;
        var command = fixture.Slack.SlashCommand("C0REFUSED", "U0DANA", "help", "refused");
        command["response_url"] = responseUrl;

        using var interaction = await PostInteractionAsync(click);
        using var slash = await fixture.PostAsync(Commands, Encoding.UTF8.GetBytes(SlackTestHost.FormEncode(command)), FormType);

        Assert.Equal(HttpStatusCode.BadRequest, interaction?.StatusCode);
        Assert.Contains("response_url", await interaction!.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, slash?.StatusCode);
        Assert.Empty(fixture.Outbound.Elsewhere);
    }

    [Fact]
    public async Task A_click_on_a_message_whose_blocks_have_the_wrong_types_is_answered()
    {
        var channel = "C0BLOCKS" + Interlocked.Increment(ref next);
        var click = Click(channel, "cmd:0:0", "help");
        click["message"]!["blocks"] = new JsonArray(1, "text", null, new JsonArray(), new JsonObject { ["type"] = 7 },
            new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(null, 3) });

        using var response = await PostInteractionAsync(click);

        Assert.Equal(HttpStatusCode.OK, response?.StatusCode);
        var answer = await fixture.Slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Contains("promote", answer.Body.ToJsonString(), StringComparison.Ordinal);
        var replaced = await fixture.Slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.DoesNotContain("\"type\":7", replaced.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeded_hostile_requests_get_no_5xx_no_failed_turn_and_no_call_to_a_refused_address()
    {
        var random = new Random(FuzzSettings.Seed);
        var mutator = new JsonMutator(random);
        var tally = new FuzzTally("slack");
        for (var i = 0; i < FuzzSettings.Cases; i++)
        {
            var (path, bytes, mutations) = (random.Next(3)) switch
            {
                0 => EventCase(mutator, random, i),
                1 => CommandCase(random, i),
                _ => InteractionCase(mutator, random, i),
            };
            var contentType = path == Events ? "application/json" : FormType;
            using var response = await fixture.PostAsync(path, bytes, contentType);
            tally.Add(i, response?.StatusCode, allowNotImplemented: false, $"{path}: {mutations}");
        }

        output.WriteLine(tally.ToString());
        await fixture.AssertAnswersHelpAsync();
        FuzzAssert.Clean(tally, fixture.Outbound, fixture.Logs);
    }

    private (string, byte[], string) EventCase(JsonMutator mutator, Random random, int i)
    {
        var channel = $"D0FUZZ{i % 50}";
        var ts = $"1764150000.{i:000000}";
        JsonObject seed = random.Next(3) switch
        {
            0 => fixture.Slack.Callback(SlackTestHost.Message(channel, "U0DANA", random.Next(2) == 0 ? "help" : "whoami", ts)),
            1 => fixture.Slack.Callback(SlackTestHost.AppMention($"C0FUZZ{i % 50}", "U0DANA", $"<@{SlackTestHost.BotUserId}> status", ts)),
            _ => new JsonObject { ["token"] = "x", ["challenge"] = $"challenge-{i}", ["type"] = "url_verification" },
        };
        var body = mutator.Mutate(seed, ["type"]);
        return (Events, body.Bytes, body.Mutations);
    }

    private (string, byte[], string) CommandCase(Random random, int i)
    {
        var fields = fixture.Slack.SlashCommand($"C0FUZZ{i % 50}", "U0DANA", random.Next(2) == 0 ? "help" : "status", $"fuzz-{i}");
        var mutations = new List<string>();
        var names = fields.Keys.ToList();
        for (var m = random.Next(0, 3); m > 0; m--)
        {
            var name = names[random.Next(names.Count)];
            switch (random.Next(4))
            {
                case 0:
                    fields.Remove(name);
                    mutations.Add($"dropped {name}");
                    break;
                case 1:
                    fields["response_url"] = RefusedResponseUrls[random.Next(RefusedResponseUrls.Length)];
                    mutations.Add("response_url refused");
                    break;
                default:
                    fields[name] = JsonMutator.HostileStrings[random.Next(JsonMutator.HostileStrings.Length)];
                    mutations.Add($"hostile {name}");
                    break;
            }
        }

        var form = SlackTestHost.FormEncode(fields);
        switch (random.Next(8))
        {
            case 0:
                form += "&text=again";
                mutations.Add("field twice");
                break;
            case 1:
                form = form[..random.Next(form.Length)];
                mutations.Add("truncated");
                break;
            case 2:
                form += "&x=%ED%A0%80%FF";
                mutations.Add("percent-encoded invalid UTF-8");
                break;
        }

        var bytes = Encoding.UTF8.GetBytes(form);
        if (random.Next(10) == 0)
        {
            bytes = [.. bytes, 0xFF, 0xFE];
            mutations.Add("invalid UTF-8 bytes");
        }

        return (Commands, bytes, mutations.Count == 0 ? "unchanged" : string.Join("; ", mutations));
    }

    private (string, byte[], string) InteractionCase(JsonMutator mutator, Random random, int i)
    {
        var channel = $"C0FUZZ{i % 50}";
        var seed = random.Next(2) == 0
            ? Click(channel, "cmd:0:0", random.Next(2) == 0 ? "help" : "status")
            : Click(channel, SlackInboundParser.SubmitActionId, "no-such-form");
        if (random.Next(4) == 0)
            seed["response_url"] = RefusedResponseUrls[random.Next(RefusedResponseUrls.Length)];
        var payload = mutator.Mutate(seed, ["type"]);
        var form = "payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(payload.Bytes));
        return (Interactions, Encoding.UTF8.GetBytes(form), payload.Mutations);
    }

    private Task<HttpResponseMessage?> PostInteractionAsync(JsonObject payload) =>
        fixture.PostAsync(Interactions, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload.ToJsonString())), FormType);

    /// <summary>A <c>block_actions</c> click on a bot message, as Slack sends it, answered through the double.</summary>
    private JsonObject Click(string channel, string actionId, string value) =>
        fixture.Slack.BlockActions(channel, channel, new JsonObject
        {
            ["action_id"] = actionId,
            ["type"] = "button",
            ["value"] = value,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value },
        });
}
