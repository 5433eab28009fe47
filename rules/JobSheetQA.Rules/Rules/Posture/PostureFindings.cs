using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Rules.Posture;

/// <summary>The judgement POSTURE-PURGE and POSTURE-SCHED share: an enabled flag is refused unless a write window covers it.</summary>
internal static class PostureFindings
{
    public static Finding Judge<TRule>(
        string flagName,
        PromotionRequest request,
        PromotionPolicy policy,
        IEnumerable<PostureFlag> enabled,
        IEnumerable<WriteWindow> openWindows)
    {
        var flag = enabled.First();
        var purpose = policy.Posture.Flags.FirstOrDefault(f => f.Name == flagName)?.Purpose;
        var window = openWindows.MaxBy(w => w.EndsAt);

        // Runbook §4.3: during a change-request-backed write window the flag may be on; the requester should still know.
        return window is not null
            ? RuleFinding.Of<TRule>(
                FindingOutcome.Warn,
                $"{flagName} is {flag.DisplayValue} on {request.Environment} under write window {window.ChangeRequest}, open until {RuleText.Utc(window.EndsAt)}; revert to the read-only posture when it ends",
                ("environment", request.Environment),
                (flagName, flag.DisplayValue),
                ("change_request", window.ChangeRequest),
                ("window_ends_at", RuleText.Utc(window.EndsAt)))
            : RuleFinding.Of<TRule>(
                FindingOutcome.Deny,
                $"{flagName} is {flag.DisplayValue} on {request.Environment}; it must be false or unset for the read-only posture{(purpose is null ? "" : $" ({purpose.ToLowerInvariant()})")}, or covered by an open write window",
                ("environment", request.Environment),
                (flagName, flag.DisplayValue));
    }
}
