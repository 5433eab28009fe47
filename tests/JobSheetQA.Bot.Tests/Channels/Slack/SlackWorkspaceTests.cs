using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using JobSheetQA.Bot.Tests.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>
/// docs/protocol-conformance.md C2.14–C2.15: a request from a workspace (or Enterprise Grid organisation) not on
/// <c>Slack:AllowedTeams</c>, or from a person of another organisation in a shared channel, is not turned into a turn, on
/// every surface: events are acknowledged and dropped, slash commands and clicks get a one-line ephemeral refusal through
/// their response_url; HTTP and Socket Mode alike. Each refusal is one Warning line without secrets.
/// </summary>
public sealed class SlackWorkspaceTests : IAsyncLifetime
{
    private const string GridId = "E0GRID01";
    private const string SiblingTeam = "T0SIBLING";
    private const string OtherTeam = "T0OTHER1";
    private const string VendorTeam = "T0VENDOR";

    private readonly CapturingLoggerProvider logs = new();
    private SlackTestHost slack = null!;

    public async Task InitializeAsync()
    {
        slack = await SlackTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Slack:AllowedTeams:1"] = GridId,
                ["Slack:AppToken"] = SlackTestHost.AppToken,
                ["Inbound:Workers"] = "1",
            },
            services =>
            {
                services.AddSingleton<IChatTextHandler, WhoSaidItHandler>();
                services.AddSingleton<ILoggerProvider>(logs);
            });
        await slack.Api.WaitForSocketConnectionsAsync(1);
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    // --- Events API

    [Fact]
    public async Task A_mention_from_the_allowed_workspace_is_answered_and_its_sender_verified()
    {
        var channel = SlackHostFixture.NewChannel();

        await slack.PostEventAsync(Mention(channel, "1764160000.000001"));

        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal("sender slack:U0DANA verified=True", answer.Str("text"));
    }

    [Fact]
    public async Task A_mention_from_a_workspace_of_an_allowed_Enterprise_Grid_is_answered()
    {
        var channel = SlackHostFixture.NewChannel();

        await slack.PostEventAsync(Mention(channel, "1764160001.000001", team: SiblingTeam, enterprise: GridId));

        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal("sender slack:U0DANA verified=True", answer.Str("text"));
    }

    [Fact]
    public async Task A_mention_from_a_workspace_not_on_the_list_is_acknowledged_and_dropped_with_a_warning()
    {
        var channel = SlackHostFixture.NewChannel();

        using var ack = await slack.PostEventAsync(Mention(channel, "1764160002.000001", team: OtherTeam));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await AssertNotAnsweredAsync(channel, "1764160002.000001");
        var warning = Assert.Single(logs.Lines, l => l.Contains("[5207]", StringComparison.Ordinal) && l.Contains(OtherTeam, StringComparison.Ordinal));
        Assert.StartsWith("Warning ", warning, StringComparison.Ordinal);
        Assert.Contains("is not on Slack:AllowedTeams", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.SigningSecret, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.BotToken, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_installation_counts_not_the_top_level_team_of_a_channel_shared_from_elsewhere()
    {
        // A channel that another organisation created and shared with us: its top-level team_id is theirs, the
        // authorization (the installation the event is for) and the person are ours.
        var channel = SlackHostFixture.NewChannel();
        var ours = Mention(channel, "1764160003.000001", userTeam: SlackTestHost.TeamId, externallyShared: true);
        ours["team_id"] = VendorTeam;

        await slack.PostEventAsync(ours);

        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal("sender slack:U0DANA verified=True", answer.Str("text"));
    }

    [Fact]
    public async Task A_person_of_another_organisation_in_a_shared_channel_is_refused()
    {
        var channel = SlackHostFixture.NewChannel();

        using var ack = await slack.PostEventAsync(Mention(channel, "1764160004.000001", user: "U0MALLORY", userTeam: VendorTeam, externallyShared: true));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await AssertNotAnsweredAsync(channel, "1764160004.000001");
        var warning = Assert.Single(logs.Lines, l => l.Contains("[5208]", StringComparison.Ordinal) && l.Contains("U0MALLORY", StringComparison.Ordinal));
        Assert.Contains(VendorTeam, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_an_externally_shared_channel_a_person_whose_workspace_is_not_given_is_refused()
    {
        var channel = SlackHostFixture.NewChannel();
        var unknown = Mention(channel, "1764160005.000001", user: "U0WHO", externallyShared: true);
        unknown["event"]!.AsObject().Remove("team");

        await slack.PostEventAsync(unknown);

        await AssertNotAnsweredAsync(channel, "1764160005.000001");
    }

    [Fact]
    public async Task A_person_of_a_sibling_workspace_in_a_channel_shared_only_within_the_organisation_is_answered()
    {
        var channel = SlackHostFixture.NewChannel();

        await slack.PostEventAsync(Mention(channel, "1764160006.000001", team: SiblingTeam, enterprise: GridId, userTeam: "T0THIRD", externallyShared: false));

        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal("sender slack:U0DANA verified=True", answer.Str("text"));
    }

    // --- Slash commands

    [Fact]
    public async Task A_slash_command_from_a_workspace_not_on_the_list_gets_only_an_ephemeral_refusal()
    {
        var channel = SlackHostFixture.NewChannel();
        var command = slack.SlashCommand(channel, "U0DANA", "help", responseId: channel);
        command["team_id"] = OtherTeam;

        using var ack = await slack.PostCommandAsync(command);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        var refusal = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Equal(SlackWorkspaceGate.WorkspaceNotAllowed, refusal.Str("text"));
        Assert.Equal("ephemeral", refusal.Str("response_type"));
        Assert.False(refusal.Body["replace_original"]!.GetValue<bool>());
        await AssertOnlyOneResponseAsync(channel);
    }

    [Fact]
    public async Task A_slash_command_from_an_allowed_Enterprise_Grid_is_answered()
    {
        var channel = SlackHostFixture.NewChannel();
        var command = slack.SlashCommand(channel, "U0DANA", "help", responseId: channel);
        command["team_id"] = SiblingTeam;
        command["enterprise_id"] = GridId;

        await slack.PostCommandAsync(command);

        var answer = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.NotEqual(SlackWorkspaceGate.WorkspaceNotAllowed, answer.Str("text"));
        Assert.Contains("Commands:", answer.Str("text"), StringComparison.Ordinal);
    }

    // --- Interactivity

    [Fact]
    public async Task A_click_from_a_workspace_not_on_the_list_gets_only_an_ephemeral_refusal_and_the_message_is_left_alone()
    {
        var channel = SlackHostFixture.NewChannel();

        using var ack = await slack.PostInteractionAsync(Click(channel, team: OtherTeam, userTeam: OtherTeam));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var refusal = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Equal(SlackWorkspaceGate.WorkspaceNotAllowed, refusal.Str("text"));
        Assert.Equal("ephemeral", refusal.Str("response_type"));
        Assert.False(refusal.Body["replace_original"]!.GetValue<bool>());
        await AssertOnlyOneResponseAsync(channel);
    }

    [Fact]
    public async Task A_click_by_a_person_of_another_organisation_gets_only_an_ephemeral_refusal()
    {
        var channel = SlackHostFixture.NewChannel();

        await slack.PostInteractionAsync(Click(channel, team: SlackTestHost.TeamId, userTeam: VendorTeam));

        var refusal = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Equal(SlackWorkspaceGate.ExternalUserNotAllowed, refusal.Str("text"));
        await AssertOnlyOneResponseAsync(channel);
    }

    [Fact]
    public async Task A_click_from_the_allowed_workspace_is_handled()
    {
        var channel = SlackHostFixture.NewChannel();

        await slack.PostInteractionAsync(Click(channel, team: SlackTestHost.TeamId, userTeam: SlackTestHost.TeamId));

        var replaced = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.True(replaced.Body["replace_original"]!.GetValue<bool>());
        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal("sender slack:U0DANA verified=True", answer.Str("text"));
    }

    // --- Socket Mode envelopes go through the same gate

    [Fact]
    public async Task Over_Socket_Mode_an_event_from_another_workspace_is_acknowledged_and_dropped()
    {
        var channel = SlackHostFixture.NewChannel();

        await slack.Api.SendToSocketAsync(Envelope("env-ws-event", "events_api", Mention(channel, "1764160010.000001", team: OtherTeam)));

        await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-ws-event");
        await AssertNotAnsweredAsync(channel, "1764160010.000001");
    }

    [Fact]
    public async Task Over_Socket_Mode_a_slash_command_from_another_workspace_gets_only_an_ephemeral_refusal()
    {
        var channel = SlackHostFixture.NewChannel();
        var payload = new JsonObject();
        foreach (var (key, value) in slack.SlashCommand(channel, "U0DANA", "help", responseId: channel))
            payload[key] = value;
        payload["team_id"] = OtherTeam;

        await slack.Api.SendToSocketAsync(Envelope("env-ws-command", "slash_commands", payload));

        await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-ws-command");
        var refusal = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Equal(SlackWorkspaceGate.WorkspaceNotAllowed, refusal.Str("text"));
        await AssertOnlyOneResponseAsync(channel);
    }

    [Fact]
    public async Task Over_Socket_Mode_a_click_by_a_person_of_another_organisation_gets_only_an_ephemeral_refusal()
    {
        var channel = SlackHostFixture.NewChannel();

        await slack.Api.SendToSocketAsync(Envelope("env-ws-click", "interactive", Click(channel, team: SlackTestHost.TeamId, userTeam: VendorTeam)));

        await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-ws-click");
        var refusal = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Equal(SlackWorkspaceGate.ExternalUserNotAllowed, refusal.Str("text"));
        await AssertOnlyOneResponseAsync(channel);
    }

    /// <summary>
    /// Nothing was posted for <paramref name="ts"/>: a later mention in the same channel is answered (one worker, so
    /// anything queued before it was handled first) and no answer went to the refused message's thread.
    /// </summary>
    private async Task AssertNotAnsweredAsync(string channel, string ts)
    {
        await slack.PostEventAsync(Mention(channel, "1764169999.000001"));
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel && c.Str("thread_ts") == "1764169999.000001");
        Assert.DoesNotContain(slack.Api.CallsTo("chat.postMessage"), c => c.Str("thread_ts") == ts);
    }

    /// <summary>The refusal is all that went back for this request: a later, allowed mention is answered first.</summary>
    private async Task AssertOnlyOneResponseAsync(string responseId)
    {
        var channel = SlackHostFixture.NewChannel();
        await slack.PostEventAsync(Mention(channel, "1764169998.000001"));
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Single(slack.Api.CallsTo("response_url"), c => c.Str("__id") == responseId);
        Assert.DoesNotContain(slack.Api.CallsTo("chat.postMessage"), c => c.Str("channel") == responseId);
    }

    /// <summary><c>@JobSheetQA who said it</c> as an event callback, for the installation <paramref name="team"/>.</summary>
    private JsonObject Mention(
        string channel, string ts, string team = SlackTestHost.TeamId, string? enterprise = null, string user = "U0DANA", string? userTeam = null,
        bool externallyShared = false)
    {
        var mention = SlackTestHost.AppMention(channel, user, $"<@{SlackTestHost.BotUserId}> {WhoSaidItHandler.Text}", ts);
        mention["team"] = team;
        if (userTeam is not null)
            mention["user_team"] = userTeam;
        var callback = slack.Callback(mention);
        callback["team_id"] = team;
        callback["enterprise_id"] = enterprise;
        callback["authorizations"]![0]!["team_id"] = team;
        callback["authorizations"]![0]!["enterprise_id"] = enterprise;
        callback["is_ext_shared_channel"] = externallyShared;
        return callback;
    }

    /// <summary>A click on a <c>who said it</c> button of a bot message, by a person of <paramref name="userTeam"/>.</summary>
    private JsonObject Click(string channel, string team, string userTeam) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U0DANA", ["username"] = "dana.okafor", ["name"] = "dana.okafor", ["team_id"] = userTeam },
        ["api_app_id"] = "A0TEST",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764160100.000050", ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = $"{Guid.NewGuid():N}.trigger",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "somewhere" },
        ["enterprise"] = null,
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "releases" },
        ["message"] = new JsonObject
        {
            ["type"] = "message",
            ["user"] = SlackTestHost.BotUserId,
            ["ts"] = "1764160100.000050",
            ["bot_id"] = "B0BOT",
            ["text"] = "Ask me",
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "b1",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "cmd:0:0", ["value"] = WhoSaidItHandler.Text }),
            }),
        },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["response_url"] = slack.Api.ResponseUrl(channel).ToString(),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = "cmd:0:0",
            ["type"] = "button",
            ["value"] = WhoSaidItHandler.Text,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Who?" },
        }),
    };

    private static string Envelope(string id, string type, JsonObject payload) =>
        new JsonObject { ["envelope_id"] = id, ["payload"] = payload.DeepClone(), ["type"] = type, ["accepts_response_payload"] = false, ["retry_attempt"] = 0 }.ToJsonString();
}

/// <summary>
/// docs/protocol-conformance.md C2.15 with <c>Slack:AllowExternalUsers=true</c>: a person of another organisation in a shared
/// channel is let in, but never as verified (read-only); the workspace's own people stay verified.
/// </summary>
public sealed class SlackExternalUsersAllowedTests : IAsyncLifetime
{
    private SlackTestHost slack = null!;

    public async Task InitializeAsync() =>
        slack = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Slack:AllowExternalUsers"] = "true" },
            services => services.AddSingleton<IChatTextHandler, WhoSaidItHandler>());

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Theory]
    [InlineData("U0MALLORY", "T0VENDOR", "False")]
    [InlineData("U0DANA", SlackTestHost.TeamId, "True")]
    public async Task An_external_person_is_admitted_unverified(string user, string userTeam, string verified)
    {
        var channel = SlackHostFixture.NewChannel();
        var mention = SlackTestHost.AppMention(channel, user, $"<@{SlackTestHost.BotUserId}> {WhoSaidItHandler.Text}", "1764160200.000001");
        mention["user_team"] = userTeam;
        var callback = slack.Callback(mention);
        callback["is_ext_shared_channel"] = true;

        await slack.PostEventAsync(callback);

        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal($"sender slack:{user} verified={verified}", answer.Str("text"));
    }

    [Fact]
    public async Task Another_workspace_is_still_refused()
    {
        var channel = SlackHostFixture.NewChannel();
        var command = slack.SlashCommand(channel, "U0DANA", "help", responseId: channel);
        command["team_id"] = "T0OTHER1";

        await slack.PostCommandAsync(command);

        var refusal = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Equal(SlackWorkspaceGate.WorkspaceNotAllowed, refusal.Str("text"));
    }
}

/// <summary>
/// <c>Slack:AllowedTeams</c> at start-up: required outside Development while Slack is on (the message names the key); in
/// Development, left out, any workspace is served.
/// </summary>
public sealed class SlackAllowedTeamsStartupTests
{
    [Fact]
    public async Task In_Development_without_the_list_any_workspace_is_served()
    {
        await using var slack = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:AllowedTeams:0"] = null });
        var channel = SlackHostFixture.NewChannel();
        var command = slack.SlashCommand(channel, "U0DANA", "help", responseId: channel);
        command["team_id"] = "T0ANYWHERE";

        await slack.PostCommandAsync(command);

        var answer = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Contains("Commands:", answer.Str("text"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_start_up_fails_without_the_list_naming_the_key(string environment)
    {
        var exception = Assert.ThrowsAny<Exception>(() => JobSheetQA.Bot.Tests.Support.BotHost.Start(
            Directory.CreateTempSubdirectory("jobsheetqa-slack-teams-").FullName,
            ownsContentRoot: true,
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "2b2c2f5e-1c1d-4e0a-9d3e-5a6b7c8d9e0f",
                ["MicrosoftAppPassword"] = "test-client-secret",
                ["Teams:AllowedTenants:0"] = "7e1f5d40-3a2b-4c1d-8e9f-0a1b2c3d4e5f",
                ["Slack:Enabled"] = "true",
                ["Slack:SigningSecret"] = SlackTestHost.SigningSecret,
                ["Slack:BotToken"] = SlackTestHost.BotToken,
            },
            _ => { },
            environment));

        var problems = Assert.IsType<JobSheetQA.Bot.Hosting.Settings.InvalidSettingsException>(exception).Problems;
        var problem = Assert.Single(problems);
        Assert.StartsWith("Slack:AllowedTeams must list the workspace ids", problem.Description, StringComparison.Ordinal);
        Assert.Contains(environment, problem.Description, StringComparison.Ordinal);
    }
}
