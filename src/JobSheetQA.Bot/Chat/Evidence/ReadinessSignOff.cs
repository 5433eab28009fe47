using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence.Readiness;

namespace JobSheetQA.Bot.Chat.Evidence;

/// <summary>One sign-off requirement in words: what is required, where the runbook asks for it, how it stands, what was found.</summary>
public sealed record SignOffItem(string Requirement, string Runbook, SignOffStatus Status, string Detail)
{
    public string Box => Status switch
    {
        SignOffStatus.Met => "[x]",
        SignOffStatus.NotMet => "[ ]",
        _ => "[?]",
    };
}

/// <summary>The sign-off checklist of the Deployment Readiness Pack (runbook §6.1) in words, from the requirements the pack judged.</summary>
public static class ReadinessSignOff
{
    public static IReadOnlyList<SignOffItem> Items(ReadinessPack pack)
    {
        var commit = $"`{ChatText.ShortSha(pack.HeadSha)}`";
        return pack.SignOff.Select(requirement => Item(requirement, commit)).ToList();
    }

    private static SignOffItem Item(ReadinessRequirement requirement, string commit) => requirement switch
    {
        PredecessorPromoted r => new SignOffItem(
            $"{r.Predecessor} promotion of HEAD {commit} passed every gate", "§3.1 step 2", r.Status,
            r.CleanRun is not { } clean
                ? $"no clean {r.Predecessor} promotion of {commit} yet (`promote {r.Predecessor}`)"
                : $"`{clean.PromotionId}`, {ChatText.Utc(clean.CompletedAt)}{(clean.ParitySkipped ? ", parity skipped: it must pass on " + r.Environment : "")}"),
        PredecessorVerified r => new SignOffItem(
            $"{r.Predecessor} verification of {commit} recorded: application health, smoke tests, key functionality", "§3.1 steps 3–4, §3.2 step 1", r.Status,
            r.Verification is not { } verification
                ? $"none recorded (`verify {r.Predecessor}`)"
                : $"by {verification.VerifiedBy} at {ChatText.Utc(verification.VerifiedAt)}"),
        ReadOnlyPostureHeld r => new SignOffItem(
            $"{r.Environment} read-only posture: {ChatText.AndList(r.Flags.Select(f => $"`{f.Name}`").ToList())} false or unset", "§4.1–4.2", r.Status,
            r.Flags.Select(f => f.Problem).FirstOrDefault(p => p is not null) is { } problem ? $"could not read: {GitHubProblem.Describe(problem)}"
            : r.Flags.Where(f => f.IsEnabled).ToList() is { Count: > 0 } enabled ? $"enabled: {ChatText.AndList(enabled.Select(f => $"`{f.Name}` = `{f.Current}`").ToList())}"
            : "all false or unset"),
        ParityGatePassed r => new SignOffItem(
            $"{r.Environment} Parity Gate passes (no skip for {r.Environment})", "§2.4, §3.2 step 3, §5.5", r.Status,
            r.Passed ? $"passed on the {r.Environment} run of {commit}" : "enforced by REQ-NO-PROD-SKIP and the workflow; confirm on the run"),
        PreDispatchChecklistAnswered r => new SignOffItem(
            $"read-only posture checklist answered before the {r.Environment} dispatch (rule POSTURE-CHECKLIST)", "§4.2", r.Status,
            r.Deployed is not { } deployed ? $"asked when {commit} is promoted to {r.Environment}"
            : r.Checklist is not { } checklist ? $"none recorded for `{deployed.PromotionId}`"
            : $"by {checklist.RecordedBy} at {ChatText.Utc(checklist.RecordedAt)}: {PostureChecklistForm.Summary(checklist)}"),
        PostureChecklistRecorded r => new SignOffItem(
            $"read-only posture checklist recorded after the {r.Environment} promotion", "§3.2 step 4, §4.2", r.Status,
            r.Deployed is not { } deployed ? $"after {commit} reaches {r.Environment}"
            : r.Checklist is not { } checklist ? $"not yet recorded for `{deployed.PromotionId}`"
            : $"by {checklist.RecordedBy} at {ChatText.Utc(checklist.RecordedAt)}, {PostureChecklistForm.Ticks(checklist).Count(t => t.Ticked)}/5 confirmed"),
        PeopleSignOff r => new SignOffItem("release engineer and approver sign off below", "§6.1", r.Status, "names and dates in the sign-off table"),
        _ => throw new NotSupportedException($"No words for {requirement.GetType().Name}."),
    };
}
