using System.Net;
using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>One rig and one registered bot shared by a test class whose tests change neither.</summary>
public class TeamsBotFixture : IAsyncLifetime
{
    public BotFrameworkRig Rig { get; private set; } = null!;

    public TeamsTestHost Host { get; private set; } = null!;

    /// <summary>Settings on top of <see cref="TeamsTestHost.Settings"/>.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Rig = await BotFrameworkRig.StartAsync();
        Host = TeamsTestHost.Start(Rig, Settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Rig.DisposeAsync();
    }

    /// <summary>A message with a text no command handler takes (the test handlers record it), and its id.</summary>
    public JsonObject NewMessage(string text = "hello rig", string channelId = "msteams") => TestActivities.Message(Rig.ServiceUrl, text, channelId: channelId);

    /// <summary>True when the chat layer got the activity (the turn handler ran for it).</summary>
    public bool BotSaw(JsonObject activity) => Host.Handlers.Seen.Any(m => m.InboundId == activity["id"]!.GetValue<string>());

    public async Task AssertRefusedAsync(JsonObject activity, string? authorization)
    {
        using var response = await Host.PostAsync(activity, authorization);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(BotSaw(activity));
        Assert.DoesNotContain(Rig.ConnectorRequests, r => r.RawTarget.EndsWith("/" + activity["id"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    public async Task AssertAcceptedAsync(JsonObject activity, string? authorization)
    {
        using var response = await Host.PostAsync(activity, authorization);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(BotSaw(activity));
    }
}
