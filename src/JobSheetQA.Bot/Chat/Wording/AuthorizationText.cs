using JobSheetQA.Bot.Policy;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Wording;

/// <summary>A refusal for want of permission, in words: the action, the policy key that decides it, and how to be added.</summary>
public static class AuthorizationText
{
    /// <summary>What someone unvouched-for may still do.</summary>
    public const string ReadOnlyCommands = "`status`, `history`, `why`, `posture`, `readiness`, `policy`, `whoami`, `help`";

    public static string Refusal(NotAuthorized refusal) =>
        refusal.Unverified ? Unverified(refusal) : $"**Not allowed**: {refusal.Who.DisplayName} may not {Doing(refusal.Action, refusal.Environment)}. {HowToBeAdded(refusal)} Nothing changed.";

    /// <summary>"policy.yaml's authorization.verifiers does not name you: ask whoever maintains policy.yaml to add `teams:…` there."</summary>
    public static string HowToBeAdded(NotAuthorized refusal)
    {
        var key = refusal.Owners.StandIn is { } standIn
            ? $"`{refusal.Owners.PolicyKey}` (unset, so `{standIn}` stands in)"
            : $"`{refusal.Owners.PolicyKey}`";
        var named = refusal.Owners.Entries.Count == 0 ? "names nobody" : "does not name you";
        return $"policy.yaml's {key} {named}: ask whoever maintains policy.yaml to add `{refusal.Who.QualifiedId}` there.";
    }

    public static string Doing(PolicyAction action, string environment) => action switch
    {
        PolicyAction.Promote => $"promote to {environment}",
        PolicyAction.Cancel => $"cancel someone else's {environment} promotion",
        PolicyAction.Verify => $"record the {environment} verification",
        PolicyAction.PostureChecklist => $"answer the {environment} posture checklist",
        PolicyAction.WriteWindow => $"open or close write windows on {environment}",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static string Unverified(NotAuthorized refusal) =>
        $"**Not allowed**: {refusal.Who.Channel} did not vouch for who sent this (no stable user id), so it can only read "
        + $"({ReadOnlyCommands}). Nothing changed.";
}
