using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Support;

/// <summary>What one channel's double received as the bot's answer to one input: every string in it, the form it offered, the raw body.</summary>
public sealed record ChannelAnswer(string Text, string? FormId, JsonObject Raw)
{
    public static ChannelAnswer From(JsonObject body, string? formId) => new(string.Join('\n', Strings(body)), formId, body);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue(out string? s) => [s],
        _ => [],
    };
}

/// <summary>
/// One whole bot (Program.cs, SQLite, the in-process GitHub sandbox) behind one chat platform, driven through that
/// platform's real endpoint with signed requests. Run tracking is recorded, not run, so stored states stay still.
/// </summary>
public interface IParityChannel : IAsyncDisposable
{
    string Name { get; }

    IServiceProvider Services { get; }

    SandboxControlClient GitHub { get; }

    RecordingRunTrackingScheduler Tracking { get; }

    /// <summary>A command as the platform's users give it (Slack: <c>/promote …</c>; Teams: a message).</summary>
    Task<ChannelAnswer> CommandAsync(string text);

    /// <summary>Text typed into the conversation (Slack: an app mention; Teams: a message).</summary>
    Task<ChannelAnswer> TypeAsync(string text);

    /// <summary>Submits the form <paramref name="prompt"/> offered with one input filled in.</summary>
    Task<ChannelAnswer> SubmitAsync(ChannelAnswer prompt, string inputId, string value);
}

/// <summary>Slack: slash commands, app mentions and block_actions, answered through the <see cref="SlackApiDouble"/>.</summary>
public sealed class SlackParityChannel : IParityChannel
{
    public const string User = "U0DANA";
    private readonly SlackTestHost slack;
    private readonly string channel = SlackHostFixture.NewChannel();
    private int next;

    private SlackParityChannel(SlackTestHost slack, RecordingRunTrackingScheduler tracking)
    {
        this.slack = slack;
        Tracking = tracking;
        GitHub = new SandboxControlClient(slack.Bot.Services);
    }

    public string Name => "slack";

    public IServiceProvider Services => slack.Bot.Services;

    public SandboxControlClient GitHub { get; }

    public RecordingRunTrackingScheduler Tracking { get; }

    public static async Task<IParityChannel> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var tracking = new RecordingRunTrackingScheduler();
        var slack = await SlackTestHost.StartAsync(settings, configureServices: services => services.AddSingleton<IRunTrackingScheduler>(tracking));
        return new SlackParityChannel(slack, tracking);
    }

    public async Task<ChannelAnswer> CommandAsync(string text)
    {
        var responseId = $"cmd-{Interlocked.Increment(ref next)}";
        // "/promote staging": a bare environment means promote; other verbs ("why production") follow the command.
        var typed = text.StartsWith("promote ", StringComparison.Ordinal) ? text["promote ".Length..] : text;
        using var ack = await slack.PostCommandAsync(slack.SlashCommand(channel, User, typed, responseId));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        return Answer(await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == responseId));
    }

    public async Task<ChannelAnswer> TypeAsync(string text)
    {
        var ts = NextTs();
        using var ack = await slack.PostEventAsync(slack.Callback(SlackTestHost.AppMention(channel, User, $"<@{SlackTestHost.BotUserId}> {text}", ts)));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        return Answer(await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel && c.Str("thread_ts") == ts));
    }

    public async Task<ChannelAnswer> SubmitAsync(ChannelAnswer prompt, string inputId, string value)
    {
        var formId = prompt.FormId ?? throw new InvalidOperationException($"The prompt offered no form:\n{prompt.Text}");
        var responseId = $"click-{Interlocked.Increment(ref next)}";
        var messageTs = NextTs();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = User, ["username"] = "dana.okafor", ["name"] = "dana.okafor", ["team_id"] = SlackTestHost.TeamId },
            ["api_app_id"] = "A0TEST",
            ["token"] = "deprecated",
            // The prompt answered a slash command, so it is ephemeral.
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = true },
            ["trigger_id"] = $"{Guid.NewGuid():N}.trigger",
            ["team"] = new JsonObject { ["id"] = SlackTestHost.TeamId, ["domain"] = "jobsheetqa" },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "releases" },
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    [$"{formId}/{inputId}"] = new JsonObject { [inputId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } },
                },
            },
            ["response_url"] = slack.Api.ResponseUrl(responseId).ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = SlackInboundParser.SubmitActionId,
                ["block_id"] = "submit",
                ["type"] = "button",
                ["value"] = formId,
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge" },
                ["action_ts"] = messageTs,
            }),
        };
        using var ack = await slack.PostInteractionAsync(payload);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        return Answer(await slack.Api.WaitForCallAsync("response_url",
            c => c.Str("__id") == responseId && c.Body["replace_original"] is JsonValue replace && !replace.GetValue<bool>()));
    }

    private string NextTs() => $"1764160000.{Interlocked.Increment(ref next):000000}";

    /// <summary>The form a Block Kit answer offers: the value of its submit button.</summary>
    private static ChannelAnswer Answer(SlackApiCall call)
    {
        var submit = (call.Body["blocks"] as JsonArray ?? [])
            .SelectMany(b => b?["elements"] as JsonArray ?? [])
            .FirstOrDefault(e => e?["action_id"]?.GetValue<string>() == SlackInboundParser.SubmitActionId);
        return ChannelAnswer.From(call.Body, submit?["value"]?.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        GitHub.Dispose();
        await slack.DisposeAsync();
    }
}

/// <summary>Teams: signed activities to <c>/api/messages</c>, answered to the <see cref="BotFrameworkRig"/>'s Bot Connector.</summary>
public sealed class TeamsParityChannel : IParityChannel
{
    private readonly BotFrameworkRig rig;
    private readonly TeamsTestHost teams;

    private TeamsParityChannel(BotFrameworkRig rig, TeamsTestHost teams, RecordingRunTrackingScheduler tracking)
    {
        this.rig = rig;
        this.teams = teams;
        Tracking = tracking;
        GitHub = new SandboxControlClient(teams.Services);
    }

    public string Name => "teams";

    public IServiceProvider Services => teams.Services;

    public SandboxControlClient GitHub { get; }

    public RecordingRunTrackingScheduler Tracking { get; }

    public static async Task<IParityChannel> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var tracking = new RecordingRunTrackingScheduler();
        var rig = await BotFrameworkRig.StartAsync();
        try
        {
            var teams = TeamsTestHost.Start(rig, settings, configureServices: services => services.AddSingleton<IRunTrackingScheduler>(tracking));
            return new TeamsParityChannel(rig, teams, tracking);
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public Task<ChannelAnswer> CommandAsync(string text) => TypeAsync(text);

    public Task<ChannelAnswer> TypeAsync(string text) => PostAsync(TestActivities.Message(rig.ServiceUrl, text));

    public Task<ChannelAnswer> SubmitAsync(ChannelAnswer prompt, string inputId, string value) =>
        PostAsync(TestActivities.Submit(rig.ServiceUrl, new JsonObject
        {
            ["formId"] = prompt.FormId ?? throw new InvalidOperationException($"The prompt offered no form:\n{prompt.Text}"),
            [inputId] = value,
        }));

    private async Task<ChannelAnswer> PostAsync(JsonObject activity)
    {
        using var response = await teams.PostSignedAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suffix = "/activities/" + activity["id"]!.GetValue<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var reply = rig.ConnectorRequests.FirstOrDefault(r => r.Body is not null && r.RawTarget.EndsWith(suffix, StringComparison.Ordinal));
            if (reply is not null)
                return ChannelAnswer.From(reply.Body!, FormId(reply.Body));
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No reply to {suffix}; connector requests:\n{string.Join('\n', rig.ConnectorRequests.Select(r => r.RawTarget))}");
            await Task.Delay(50);
        }
    }

    /// <summary>The form an Adaptive Card offers: the form id its submit action carries.</summary>
    private static string? FormId(JsonNode? node) => node switch
    {
        JsonObject o when o["formId"] is JsonValue id => id.GetValue<string>(),
        JsonObject o => o.Select(p => FormId(p.Value)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(FormId).FirstOrDefault(f => f is not null),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        GitHub.Dispose();
        await teams.DisposeAsync();
        await rig.DisposeAsync();
    }
}
