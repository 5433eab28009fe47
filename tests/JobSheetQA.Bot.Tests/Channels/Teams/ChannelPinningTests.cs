using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>
/// docs/protocol-conformance.md C1.15 (and C1.6): only activities whose <c>channelId</c> is on <c>Teams:AllowedChannels</c>
/// (<c>msteams</c> by default) are processed, whatever the token says and also without an app id in Development; on Web
/// Chat, Direct Line and the Emulator the client writes <c>from</c> itself. A refusal is a plain 401, logged once at
/// Warning without a stack trace.
/// </summary>
public sealed class ChannelPinningTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoAppId = new() { ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "" };

    private BotFrameworkRig rig = null!;

    /// <summary>A published key endorsed for every channel, so only the channel pinning can refuse.</summary>
    private TestSigningKey everyChannel = null!;

    public async Task InitializeAsync()
    {
        rig = await BotFrameworkRig.StartAsync();
        everyChannel = TestSigningKey.Create("bf-key-every-channel", ["msteams", "webchat", "directline", "emulator"]);
        rig.BotFrameworkKeys.Add(everyChannel);
    }

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private JsonObject Message(string channelId) => TestActivities.Message(rig.ServiceUrl, $"hello from {channelId}", channelId: channelId);

    private string Token() => "Bearer " + TestTokens.BotFramework(everyChannel, rig.ServiceUrl);

    [Fact]
    public async Task Teams_activities_are_accepted()
    {
        await using var host = TeamsTestHost.Start(rig);
        var message = Message("msteams");

        using var response = await host.PostAsync(message, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Handlers.Seen, m => m.InboundId == message["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_flood_of_refused_activities_leaves_one_warning_not_one_per_request()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = TeamsTestHost.Start(rig, configureServices: services => services.AddSingleton<ILoggerProvider>(logs));

        for (var i = 0; i < 20; i++)
        {
            using var response = await host.PostAsync(Message("msteams"), "Bearer not-a-token");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Single(logs.Lines, l => l.Contains("[5100]", StringComparison.Ordinal) && l.StartsWith("Warning ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("MSTEAMS")]
    public async Task Other_channels_are_refused_even_with_a_valid_token_endorsed_for_them(string channelId)
    {
        var logs = new CapturingLoggerProvider();
        await using var host = TeamsTestHost.Start(rig, configureServices: services => services.AddSingleton<ILoggerProvider>(logs));

        using var response = await host.PostAsync(Message(channelId), Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Handlers.Seen);
        Assert.Empty(rig.ConnectorRequests);
        var refusal = Assert.Single(logs.Lines, l => l.Contains("[5100]", StringComparison.Ordinal));
        Assert.StartsWith("Warning ", refusal, StringComparison.Ordinal);
        Assert.Contains($"channel '{channelId}' is not on Teams:AllowedChannels", refusal, StringComparison.Ordinal);
        // The line ends with the exception, and there is none: no stack trace.
        Assert.EndsWith("} ", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task Other_channels_are_refused_in_anonymous_Development_too(string channelId)
    {
        await using var host = TeamsTestHost.Start(rig, NoAppId);

        using var refused = await host.PostAsync(Message(channelId), null);
        using var accepted = await host.PostAsync(Message("msteams"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(host.Handlers.Seen);
    }

    [Fact]
    public async Task A_channel_added_to_the_list_is_accepted()
    {
        await using var host = TeamsTestHost.Start(rig, new Dictionary<string, string?>
        {
            ["Teams:AllowedChannels:0"] = "msteams",
            ["Teams:AllowedChannels:1"] = "webchat",
        });

        using var webchat = await host.PostAsync(Message("webchat"), Token());
        using var directLine = await host.PostAsync(Message("directline"), Token());

        Assert.Equal(HttpStatusCode.OK, webchat.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, directLine.StatusCode);
    }

    // C1.6: on an allowed channel, the token's key must still be endorsed for it.
    [Fact]
    public async Task On_an_allowed_channel_a_key_not_endorsed_for_it_is_refused()
    {
        await using var host = TeamsTestHost.Start(rig, new Dictionary<string, string?>
        {
            ["Teams:AllowedChannels:0"] = "msteams",
            ["Teams:AllowedChannels:1"] = "webchat",
        });
        var teamsOnly = rig.BotFrameworkKeys[0];
        Assert.DoesNotContain("webchat", teamsOnly.Endorsements);

        using var response = await host.PostAsync(Message("webchat"), "Bearer " + TestTokens.BotFramework(teamsOnly, rig.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handlers.Seen);
    }
}
