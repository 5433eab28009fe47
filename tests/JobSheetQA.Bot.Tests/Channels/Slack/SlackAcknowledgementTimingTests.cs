using System.Diagnostics;
using System.Net;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>docs/protocol-conformance.md C2.8: Slack gets its acknowledgement within 3 s however long the answer takes
/// (a slow handler, a slow Web API).</summary>
public sealed class SlackAcknowledgementTimingTests : IAsyncLifetime
{
    private static readonly TimeSpan SlackPatience = TimeSpan.FromSeconds(3);
    private SlackTestHost slack = null!;

    public async Task InitializeAsync() =>
        slack = await SlackTestHost.StartAsync(configureServices: services => services.AddSingleton<IChatTextHandler, SlowTextHandler>());

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task A_slow_handler_is_still_acknowledged_within_three_seconds_and_answered_later()
    {
        var watch = Stopwatch.StartNew();
        var ack = await slack.PostEventAsync(slack.Callback(SlackTestHost.Message("D0SLOW", "U0DANA", SlowTextHandler.Text, "1764150200.000001")));
        var acknowledgedAfter = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(acknowledgedAfter < SlackPatience, $"acknowledged after {acknowledgedAfter}");
        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "D0SLOW");
        Assert.Equal("done, slowly", answer.Str("text"));
        Assert.True(watch.Elapsed >= SlowTextHandler.Delay);
    }

    [Fact]
    public async Task A_slow_web_api_does_not_delay_the_acknowledgement_of_a_slash_command()
    {
        slack.Api.Script("response_url", SlackDoubleResponse.Slow(TimeSpan.FromSeconds(4)));
        var watch = Stopwatch.StartNew();

        var ack = await slack.PostCommandAsync(slack.SlashCommand("C0SLOWAPI", "U0DANA", SlowTextHandler.Text, "slow-api"));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(watch.Elapsed < SlackPatience, $"acknowledged after {watch.Elapsed}");
        await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "slow-api");
    }
}
