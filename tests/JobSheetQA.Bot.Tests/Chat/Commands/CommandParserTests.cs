using JobSheetQA.Bot.Chat.Commands;

namespace JobSheetQA.Bot.Tests.Chat.Commands;

public sealed class CommandParserTests
{
    private static ChatCommand Parsed(string text)
    {
        var result = CommandParser.Parse(text);
        Assert.True(result.Succeeded, $"\"{text}\" failed: {result.Error}");
        return result.Command!;
    }

    [Theory]
    [InlineData("promote staging")]
    [InlineData("PROMOTE Staging")]
    [InlineData("  promote    staging  ")]
    [InlineData("Promote\tstaging")]
    public void Promote_is_case_insensitive_and_tolerates_extra_spaces(string text) =>
        Assert.Equal(new PromoteCommand("staging", null, false, false, false), Parsed(text));

    [Theory]
    [InlineData("promote staging skip parity")]
    [InlineData("promote staging --skip-parity")]
    [InlineData("promote --skip-parity staging")]
    [InlineData("promote staging Skip Parity")]
    public void Skip_parity_has_two_spellings(string text) =>
        Assert.Equal(new PromoteCommand("staging", null, SkipParity: true, false, false), Parsed(text));

    [Theory]
    [InlineData("promote production with nightly parity")]
    [InlineData("promote production --nightly-parity")]
    [InlineData("promote production nightly parity")]
    public void Nightly_parity_has_several_spellings(string text) =>
        Assert.Equal(new PromoteCommand("production", null, false, UseNightlyParity: true, false), Parsed(text));

    [Theory]
    [InlineData("promote production --dry-run")]
    [InlineData("promote production dry run")]
    [InlineData("why production")]
    [InlineData("WHY   production")]
    public void Dry_run_and_why_evaluate_without_dispatching(string text) =>
        Assert.Equal(new PromoteCommand("production", null, false, false, DryRun: true), Parsed(text));

    [Fact]
    public void Promote_keeps_the_ref_as_typed() =>
        Assert.Equal(new PromoteCommand("staging", "Feature/OCR-Fix", false, false, false), Parsed("promote staging from Feature/OCR-Fix"));

    [Fact]
    public void Unknown_environment_is_passed_on_for_the_policy_to_judge() =>
        Assert.Equal(new PromoteCommand("qa", null, false, false, false), Parsed("promote QA"));

    [Fact]
    public void Promote_without_environment_asks_which()
    {
        var result = CommandParser.Parse("promote");

        Assert.False(result.Succeeded);
        Assert.StartsWith("Which environment?", result.Error);
    }

    [Fact]
    public void Promote_with_an_unknown_word_names_it_and_shows_usage()
    {
        var result = CommandParser.Parse("promote staging quickly");

        Assert.False(result.Succeeded);
        Assert.Contains("\"quickly\"", result.Error);
        Assert.Contains("Usage: promote", result.Error);
    }

    [Theory]
    [InlineData("promot staging", "promote staging")]
    [InlineData("pormote production skip parity", "promote production skip parity")]
    [InlineData("stats", "status")]
    [InlineData("histroy staging", "history staging")]
    [InlineData("readyness", "readiness")]
    public void Misspelt_verbs_get_a_did_you_mean(string text, string suggestion)
    {
        var result = CommandParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Equal(suggestion, result.Suggestion);
    }

    [Fact]
    public void Nonsense_gets_an_error_without_a_suggestion()
    {
        var result = CommandParser.Parse("deploy everything now");

        Assert.False(result.Succeeded);
        Assert.Contains("\"deploy\"", result.Error);
        Assert.Null(result.Suggestion);
    }

    [Fact]
    public void The_acknowledgement_phrase_is_not_a_command()
    {
        // The dialog compares the phrase exactly before parsing; the parser must not accept or normalise it.
        var result = CommandParser.Parse("I_ACCEPT_PARITY_SKIP");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Write_window_open_keeps_the_change_request_and_parses_the_duration() =>
        Assert.Equal(new OpenWriteWindowCommand("production", "CR-123", TimeSpan.FromMinutes(90)), Parsed("write-window open Production CR-123 for 90M"));

    [Fact]
    public void Write_window_close() =>
        Assert.Equal(new CloseWriteWindowCommand("production"), Parsed("write-window close production"));

    [Theory]
    [InlineData("write-window open production CR-123 for ever")]
    [InlineData("write-window open production CR-123")]
    [InlineData("write-window shut production")]
    public void Malformed_write_window_commands_show_usage(string text)
    {
        var result = CommandParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Contains("write-window open production <CR-id> for <duration>", result.Error);
    }

    [Theory]
    [InlineData("status", typeof(StatusCommand))]
    [InlineData("status staging", typeof(StatusCommand))]
    [InlineData("history", typeof(HistoryCommand))]
    [InlineData("cancel", typeof(CancelCommand))]
    [InlineData("cancel p-42", typeof(CancelCommand))]
    [InlineData("verify staging", typeof(VerifyCommand))]
    [InlineData("posture", typeof(PostureCommand))]
    [InlineData("readiness", typeof(ReadinessCommand))]
    [InlineData("policy", typeof(PolicyCommand))]
    [InlineData("policy req-no-prod-skip", typeof(PolicyCommand))]
    [InlineData("whoami", typeof(WhoAmICommand))]
    [InlineData("subscribe", typeof(SubscribeCommand))]
    [InlineData("subscribe all", typeof(SubscribeCommand))]
    [InlineData("unsubscribe", typeof(UnsubscribeCommand))]
    [InlineData("help", typeof(HelpCommand))]
    [InlineData("help promote", typeof(HelpCommand))]
    [InlineData("", typeof(HelpCommand))]
    public void Every_verb_parses(string text, Type expected) =>
        Assert.IsType(expected, Parsed(text));

    [Fact]
    public void Arguments_are_kept_where_they_matter()
    {
        Assert.Equal(new StatusCommand("p-42"), Parsed("status p-42"));
        Assert.Equal(new CancelCommand("P-42"), Parsed("cancel P-42"));
        Assert.Equal(new PolicyCommand("REQ-NO-PROD-SKIP"), Parsed("policy req-no-prod-skip"));
        Assert.Equal(new SubscribeCommand(true), Parsed("subscribe all"));
        Assert.Equal(new VerifyCommand("staging"), Parsed("verify"));
        Assert.Equal(new PostureCommand("production"), Parsed("posture"));
    }

    [Fact]
    public void Help_lists_every_verb_from_the_table()
    {
        var help = CommandParser.Help();

        Assert.All(VerbTable.All, verb => Assert.Contains(verb.Usage, help));
    }

    [Fact]
    public void Help_for_one_command_shows_only_it()
    {
        var help = CommandParser.Help("verify");

        Assert.StartsWith("verify staging", help);
        Assert.DoesNotContain("promote", help);
    }
}
