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
        Assert.Equal("Promotion staging [p-42]", dispatch.ExpectedRunName);
    }

    [Fact]
    public void A_missing_acknowledgement_is_sent_as_an_empty_string()
    {
        var dispatch = new PromotionDispatch("p-1", "production", "main", true, false, null);

        Assert.Equal(string.Empty, dispatch.Inputs()["skip_parity_acknowledgement"]);
        Assert.Equal("true", dispatch.Inputs()["use_nightly_parity"]);
    }
}
