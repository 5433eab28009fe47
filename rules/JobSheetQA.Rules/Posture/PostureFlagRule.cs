using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Posture;

/// <summary>
/// What POSTURE-PURGE and POSTURE-SCHED share (runbook §4.1–4.2): in a read-only environment the flag must be false
/// or unset; set, it is refused — unless a write window (§4.3) is open, when the requester is warned instead.
/// </summary>
public abstract class PostureFlagRule : Rule
{
    /// <summary>The environment variable this rule guards.</summary>
    protected abstract string FlagName { get; }

    public override void Define()
    {
        // Locals, not members, so the compiled conditions capture values rather than this rule instance.
        var flagName = FlagName;
        var ruleType = GetType();
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
                .Match<PostureFlag>(f => f.Environment == request.Environment, f => f.Name == flagName, f => f.IsEnabled)
                .Collect()
                .Where(flags => flags.Any()))
            .Query(() => openWindows, q => q
                .Match<WriteWindow>(w => w.Environment == request.Environment, w => w.IsOpenAt(context.Now))
                .Collect());

        Then()
            .Do(ctx => ctx.Insert(Judge(ruleType, flagName, request, policy, enabled.First(), openWindows.MaxBy(w => w.EndsAt))));
    }

    private static Finding Judge(Type ruleType, string flagName, PromotionRequest request, PromotionPolicy policy, PostureFlag flag, WriteWindow? window)
    {
        var purpose = policy.Posture.Flags.FirstOrDefault(f => f.Name == flagName)?.Purpose;

        return window is not null
            ? RuleFinding.Of(
                ruleType,
                FindingOutcome.Warn,
                $"{flagName} is {flag.DisplayValue} on {request.Environment} under write window {window.ChangeRequest}, open until {RuleText.Utc(window.EndsAt)}; revert to the read-only posture when it ends",
                ("environment", request.Environment),
                (flagName, flag.DisplayValue),
                ("change_request", window.ChangeRequest),
                ("window_ends_at", RuleText.Utc(window.EndsAt)))
            : RuleFinding.Of(
                ruleType,
                FindingOutcome.Deny,
                $"{flagName} is {flag.DisplayValue} on {request.Environment}{ScopeNote(flag)}; it must be false or unset for the read-only posture{(purpose is null ? "" : $" ({purpose.ToLowerInvariant()})")}, or covered by an open write window",
                ("environment", request.Environment),
                (flagName, flag.DisplayValue),
                ("scope", ScopeName(flag.Scope)));
    }

    /// <summary>Where the winning value was set, when it is not the environment itself (runbook §4.2 judges what the deploy job reads).</summary>
    private static string ScopeNote(PostureFlag flag) =>
        flag.Scope == VariableScope.Environment ? "" : $" (set at {ScopeName(flag.Scope)} scope, which the deploy job reads when the environment does not set it)";

    private static string ScopeName(VariableScope scope) => scope switch
    {
        VariableScope.Repository => "repository",
        VariableScope.Organization => "organisation",
        _ => "environment",
    };
}
