using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Workflow;

/// <summary>Runbook §5.3: <c>MISTRAL_API_KEY</c> and <c>GEMINI_API_KEY</c> must be configured as Actions secrets. Names only: values are never read.</summary>
[Name(Id), Description("The required Actions secrets exist (repository or environment scope)")]
[Tag(RuleSets.Workflow), RunbookSection("§5.3"), Outcomes(FindingOutcome.Deny)]
public sealed class RequiredSecretsRule : Rule
{
    public const string Id = "SECRETS";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        PromotionRequest request = default!;
        SecretInventory secrets = default!;

        When()
            .Match(() => policy)
            .Match(() => request)
            .Match(() => secrets, s => policy.RequiredSecrets.Any(name => !s.Has(name)));

        Then()
            .Do(ctx => ctx.Insert(Refusal(request, policy, secrets)));
    }

    private static Finding Refusal(PromotionRequest request, PromotionPolicy policy, SecretInventory secrets)
    {
        var missing = policy.RequiredSecrets.Where(name => !secrets.Has(name)).ToList();
        return RuleFinding.Of<RequiredSecretsRule>(
            FindingOutcome.Deny,
            $"Missing Actions secrets for {request.Environment}: {string.Join(", ", missing)}; configure them in GitHub Actions Secrets (repository or environment)",
            ("environment", request.Environment),
            ("missing_secrets", string.Join(", ", missing)));
    }
}
