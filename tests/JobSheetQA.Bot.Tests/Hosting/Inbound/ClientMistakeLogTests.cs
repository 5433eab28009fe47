using JobSheetQA.Bot.Hosting.Inbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JobSheetQA.Bot.Tests.Hosting.Inbound;

public sealed class ClientMistakeLogTests
{
    [Fact]
    public void A_cause_is_a_warning_once_a_minute_and_the_next_warning_counts_the_repeats()
    {
        var time = new FakeTimeProvider();
        var log = new ClientMistakeLog(time);

        Assert.Equal((LogLevel.Warning, 0L), log.Next("teams:json"));
        Assert.Equal((LogLevel.Debug, 0L), log.Next("teams:json"));
        Assert.Equal((LogLevel.Debug, 0L), log.Next("teams:json"));
        Assert.Equal((LogLevel.Warning, 0L), log.Next("slack:400:/api/slack/events"));

        time.Advance(ClientMistakeLog.Window);
        Assert.Equal((LogLevel.Warning, 2L), log.Next("teams:json"));
        Assert.Equal((LogLevel.Debug, 0L), log.Next("teams:json"));
    }
}
