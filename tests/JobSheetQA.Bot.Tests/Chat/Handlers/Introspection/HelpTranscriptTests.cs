using JobSheetQA.Bot.Tests.Chat.Handlers.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Introspection;

public sealed class HelpTranscriptTests : TranscriptTests
{
    [Fact]
    public async Task Help_lists_every_verb_from_the_verb_table()
    {
        var answer = await Chat.SayAsync("dana", "help");

        Assert.StartsWith("Commands:", answer, StringComparison.Ordinal);
        Assert.Contains("write-window open production <CR-id> for <duration> [purge|scheduler|both] | write-window close production", answer, StringComparison.Ordinal);
        Assert.Contains("readiness\n    the Deployment Readiness Pack", answer, StringComparison.Ordinal);
        Assert.Contains("subscribe [all]", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_on_one_command_shows_only_that_command()
    {
        var answer = await Chat.SayAsync("dana", "HELP  verify");

        Assert.Equal("verify staging\n    record the staging verification checklist (health, smoke tests, key functionality) for the deployed commit", answer);
    }

    [Fact]
    public async Task Help_on_a_mistyped_command_suggests_the_right_one()
    {
        var answer = await Chat.SayAsync("dana", "help postur");

        Assert.Contains("There is no command \"postur\". Did you mean `help posture`?", answer, StringComparison.Ordinal);
        Assert.Contains("Commands:", answer, StringComparison.Ordinal);
    }
}
