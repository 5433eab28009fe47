using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Workflow;

public sealed class RequiredSecretsRuleTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Both_required_secrets_present_passes(string environment)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.For(environment));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RequiredSecretsRule.Id));
    }

    [Fact]
    public void Extra_secrets_do_no_harm()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Staging().WithSecrets("MISTRAL_API_KEY", "GEMINI_API_KEY", "SENTRY_DSN"));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RequiredSecretsRule.Id));
    }

    [Fact]
    public void A_missing_secret_is_denied_naming_only_the_missing_one()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithSecrets("MISTRAL_API_KEY"));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(RequiredSecretsRule.Id);
        Assert.StartsWith("Missing Actions secrets for production: GEMINI_API_KEY;", finding.Message);
        Assert.Equal("GEMINI_API_KEY", finding.Fact("missing_secrets"));
    }

    [Fact]
    public void No_secrets_at_all_lists_both_in_policy_order()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithSecrets());

        Assert.Equal("MISTRAL_API_KEY, GEMINI_API_KEY", decision.Single(RequiredSecretsRule.Id).Fact("missing_secrets"));
    }

    [Fact]
    public void Secret_names_are_case_sensitive()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithSecrets("mistral_api_key", "GEMINI_API_KEY"));

        Assert.Equal("MISTRAL_API_KEY", decision.Single(RequiredSecretsRule.Id).Fact("missing_secrets"));
    }
}
