using System.Text.RegularExpressions;
using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.WriteWindows;

/// <summary>
/// Runbook §4.3 "Enabling Write Operations": a window needs a change request (step 1) and a bounded duration,
/// and only makes sense where the read-only posture applies. A second window while one is open is refused:
/// the end-of-window check that the flags are back to false would fire while the other window still allows them,
/// and two change requests would claim the same flags. Extending means closing and opening under a change request.
/// </summary>
[Name(Id), Description("A write window needs a change request, a bounded duration and a read-only environment")]
[Tag(RuleSets.WriteWindow), RunbookSection("§4.3"), Outcomes(FindingOutcome.Deny)]
public sealed class WriteWindowRule : Rule
{
    public const string Id = "WRITE-WINDOW";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        DecisionContext context = default!;
        WriteWindowRequest request = default!;
        IEnumerable<WriteWindow> open = default!;

        When()
            .Match(() => policy)
            .Match(() => context)
            .Match(() => request)
            .Query(() => open, q => q
                .Match<WriteWindow>(w => w.Environment == request.Environment, w => w.IsOpenAt(context.Now))
                .Collect());

        Then()
            .Do(ctx => ctx.InsertAll(Judge(request, policy, open)));
    }

    private static IEnumerable<Finding> Judge(WriteWindowRequest request, PromotionPolicy policy, IEnumerable<WriteWindow> open)
    {
        var limits = policy.WriteWindows;
        var changeRequest = request.ChangeRequest?.Trim();
        var bounds = $"{RuleText.Duration(limits.MinDuration)} to {RuleText.Duration(limits.MaxDuration)}";

        if (!policy.IsKnownEnvironment(request.Environment))
        {
            yield return Deny(
                $"Unknown environment \"{request.Environment}\": write windows apply to {RuleText.OrList(policy.Environments.Where(e => e.ReadOnlyPosture).Select(e => e.Name).ToList())}",
                ("environment", request.Environment));
        }
        else if (!policy.HasReadOnlyPosture(request.Environment))
        {
            yield return Deny(
                $"{request.Environment} has no read-only posture, so there is nothing for a write window to open",
                ("environment", request.Environment),
                ("read_only_posture", "false"));
        }

        if (string.IsNullOrEmpty(changeRequest))
        {
            yield return Deny(
                "A write window needs a change request documenting the need (e.g. CHG-1234)",
                ("change_request", "(none)"));
        }
        else if (!Regex.IsMatch(changeRequest, limits.ChangeRequestPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            yield return Deny(
                $"\"{changeRequest}\" is not a change request id (expected the pattern {limits.ChangeRequestPattern}, e.g. CHG-1234)",
                ("change_request", changeRequest),
                ("pattern", limits.ChangeRequestPattern));
        }

        if (request.Duration is not { } duration)
        {
            yield return Deny(
                $"A write window needs a duration of {bounds}",
                ("duration", "(none)"));
        }
        else if (duration < limits.MinDuration || duration > limits.MaxDuration)
        {
            yield return Deny(
                $"A write window of {RuleText.Duration(duration)} is outside the allowed {bounds}",
                ("duration", RuleText.Duration(duration)),
                ("min_duration", RuleText.Duration(limits.MinDuration)),
                ("max_duration", RuleText.Duration(limits.MaxDuration)));
        }

        if (open.MaxBy(w => w.EndsAt) is { } current)
        {
            yield return Deny(
                $"A write window is already open on {request.Environment}: {current.ChangeRequest} by {current.OpenedBy} until {RuleText.Utc(current.EndsAt)}; close it before opening another",
                ("environment", request.Environment),
                ("open_change_request", current.ChangeRequest),
                ("open_until", RuleText.Utc(current.EndsAt)));
        }
    }

    private static Finding Deny(string message, params (string Name, string Value)[] facts) =>
        RuleFinding.Of<WriteWindowRule>(FindingOutcome.Deny, message, facts);
}
