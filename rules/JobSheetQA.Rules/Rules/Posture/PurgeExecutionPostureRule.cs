using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Rules.Posture;

/// <summary>
/// Runbook §4.1–4.2: "`ENABLE_PURGE_EXECUTION` is `false` or unset" before a deployment to a read-only environment (Prevents data deletion).
/// An open write window (§4.3) turns the refusal into a warning.
/// </summary>
[Name(Id), Description("ENABLE_PURGE_EXECUTION must be false or unset where the posture is read-only")]
[Tag(RuleSets.Posture), RunbookSection("§4.1–4.2"), Outcomes(FindingOutcome.Deny, FindingOutcome.Warn)]
public sealed class PurgeExecutionPostureRule : Rule
{
    public const string Id = "POSTURE-PURGE";
    public const string FlagName = "ENABLE_PURGE_EXECUTION";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        DecisionContext context = default!;
        PromotionRequest request = default!;
        IEnumerable<PostureFlag> enabled = default!;
        IEnumerable<WriteWindow> openWindows = default!;

        When()
            .Match(() => policy)
            .Match(() => context)
            .Match(() => request, r => policy.HasReadOnlyPosture(r.Environment))
            .Query(() => enabled, q => q
                .Match<PostureFlag>(f => f.Environment == request.Environment, f => f.Name == FlagName, f => f.IsEnabled)
                .Collect()
                .Where(flags => flags.Any()))
            .Query(() => openWindows, q => q
                .Match<WriteWindow>(w => w.Environment == request.Environment, w => w.IsOpenAt(context.Now))
                .Collect());

        Then()
            .Do(ctx => ctx.Insert(PostureFindings.Judge<PurgeExecutionPostureRule>(FlagName, request, policy, enabled, openWindows)));
    }
}
