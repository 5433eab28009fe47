using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class PromotionDispatchTests
{
    [Fact]
    public void Inputs_are_the_four_runbook_inputs_plus_the_correlation_id_all_as_strings()
    {
        var dispatch = new PromotionDispatch("p-42", "staging", "refs/heads/main", UseNightlyParity: false, SkipParity: true, "I_ACCEPT_PARITY_SKIP");

        var inputs = dispatch.Inputs();

        Assert.Equal("staging", inputs["target_environment"]);
        Assert.Equal("false", inputs["use_nightly_parity"]);
        Assert.Equal("true", inputs["skip_parity"]);
        Assert.Equal("I_ACCEPT_PARITY_SKIP", inputs["skip_parity_acknowledgement"]);
        Assert.Equal("p-42", inputs["correlation_id"]);
        Assert.Equal(5, inputs.Count);
        Assert.Equal("main", dispatch.Branch);
        Assert.Equal("Promotion staging skip_parity=true nightly=false [p-42]", dispatch.ExpectedRunName);
    }

    [Fact]
    public void A_missing_acknowledgement_is_sent_as_an_empty_string()
    {
        var dispatch = new PromotionDispatch("p-1", "production", "main", true, false, null);

        Assert.Equal(string.Empty, dispatch.Inputs()["skip_parity_acknowledgement"]);
        Assert.Equal("true", dispatch.Inputs()["use_nightly_parity"]);
    }

    [Theory]
    [InlineData("Promotion staging skip_parity=false nightly=false [manual]", "staging", false, false)]
    [InlineData("Promotion staging skip_parity=true nightly=false [manual]", "staging", true, false)]
    [InlineData("Promotion production skip_parity=false nightly=true [p-7]", "production", false, true)]
    public void A_run_title_shows_the_runs_inputs(string title, string environment, bool skipParity, bool nightly)
    {
        Assert.Equal(new RunTitleInputs(skipParity, nightly), PromotionDispatch.InputsIn(title, environment));
        Assert.Equal("p-7", PromotionDispatch.CorrelationIdIn("Promotion production skip_parity=false nightly=true [p-7]"));
    }

    [Theory]
    [InlineData("Promotion staging [manual]", "staging")] // the run-name before the inputs were added
    [InlineData("Promotion staging skip_parity=false nightly=false [manual]", "production")] // another environment's inputs
    [InlineData("Promotion staging skip_parity=maybe nightly=false [manual]", "staging")]
    [InlineData("Promotion staging skip_parity=false nightly=false", "staging")]
    [InlineData("Promotion staging skip_parity=false nightly=false [manual] skip_parity=true", "staging")]
    [InlineData("Deploy it", "staging")]
    [InlineData("", "staging")]
    [InlineData(null, "staging")]
    public void A_title_that_does_not_show_the_inputs_exactly_shows_none(string? title, string environment)
    {
        Assert.Null(PromotionDispatch.InputsIn(title, environment));
    }

    [Fact]
    public void The_dispatch_title_round_trips_through_the_parser()
    {
        var dispatch = new PromotionDispatch("p-9", "staging", "main", UseNightlyParity: true, SkipParity: false, null);

        Assert.Equal(new RunTitleInputs(false, true), PromotionDispatch.InputsIn(dispatch.ExpectedRunName, "staging"));
        Assert.Equal("p-9", PromotionDispatch.CorrelationIdIn(dispatch.ExpectedRunName));
    }
}
