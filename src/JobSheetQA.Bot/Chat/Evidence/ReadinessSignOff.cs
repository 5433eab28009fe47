using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence.Readiness;

namespace JobSheetQA.Bot.Chat.Evidence;

/// <summary>Where a sign-off requirement stands.</summary>
public enum SignOffStatus
{
    Met,
    NotMet,

    /// <summary>A person confirms it (or it can only be known later, e.g. after the production run).</summary>
    ToConfirm,
}

/// <summary>One sign-off requirement with its runbook section and what the bot found.</summary>
public sealed record SignOffItem(string Requirement, string Runbook, SignOffStatus Status, string Detail)
{
    public string Box => Status switch
    {
        SignOffStatus.Met => "[x]",
        SignOffStatus.NotMet => "[ ]",
        _ => "[?]",
    };
}

/// <summary>The sign-off checklist of the Deployment Readiness Pack (runbook §6.1), read off the pack's evidence.</summary>
public static class ReadinessSignOff
{
    public static IReadOnlyList<SignOffItem> Items(ReadinessPack pack)
    {
        var items = new List<SignOffItem>();
        var commit = $"`{ChatText.ShortSha(pack.HeadSha)}`";

        foreach (var stage in pack.Stages)
        {
            var (predecessor, clean, verification) = (stage.Predecessor, stage.CleanPredecessorRun, stage.Verification);
            items.Add(new SignOffItem(
                $"{predecessor} promotion of HEAD {commit} passed every gate", "§3.1 step 2",
                clean is null ? SignOffStatus.NotMet : SignOffStatus.Met,
                clean is null ? $"no clean {predecessor} promotion of {commit} yet (`promote {predecessor}`)" : $"`{clean.PromotionId}`, {ChatText.Utc(clean.CompletedAt)}{(clean.ParitySkipped ? ", parity skipped: it must pass on " + stage.Environment : "")}"));

            items.Add(new SignOffItem(
                $"{predecessor} verification of {commit} recorded: application health, smoke tests, key functionality", "§3.1 steps 3–4, §3.2 step 1",
                verification is null ? SignOffStatus.NotMet : SignOffStatus.Met,
                verification is null ? $"none recorded (`verify {predecessor}`)" : $"by {verification.VerifiedBy} at {ChatText.Utc(verification.VerifiedAt)}"));
        }

        foreach (var posture in pack.Postures)
        {
            var environment = posture.Environment;
            var flags = pack.Config.Where(c => c.Environment == environment).ToList();
            var problem = flags.Select(f => f.Problem).FirstOrDefault(p => p is not null);
            var enabled = flags.Where(f => f.IsEnabled).ToList();
            items.Add(new SignOffItem(
                $"{environment} read-only posture: {ChatText.AndList(flags.Select(f => $"`{f.Name}`").ToList())} false or unset", "§4.1–4.2",
                problem is not null ? SignOffStatus.ToConfirm : enabled.Count == 0 ? SignOffStatus.Met : SignOffStatus.NotMet,
                problem is not null ? $"could not read: {GitHubProblem.Describe(problem)}"
                : enabled.Count == 0 ? "all false or unset"
                : $"enabled: {ChatText.AndList(enabled.Select(f => $"`{f.Name}` = `{f.Current}`").ToList())}"));

            items.Add(new SignOffItem(
                $"{environment} Parity Gate passes (no skip for {environment})", "§2.4, §3.2 step 3, §5.5",
                posture.ParityPassed ? SignOffStatus.Met : SignOffStatus.ToConfirm,
                posture.ParityPassed ? $"passed on the {environment} run of {commit}" : "enforced by REQ-NO-PROD-SKIP and the workflow; confirm on the run"));

            var (deployed, checklist) = (posture.Deployed, posture.Checklist);
            items.Add(new SignOffItem(
                $"read-only posture checklist recorded after the {environment} promotion", "§3.2 step 4, §4.2",
                deployed is null ? SignOffStatus.ToConfirm : checklist is null ? SignOffStatus.NotMet : SignOffStatus.Met,
                deployed is null ? $"after {commit} reaches {environment}"
                : checklist is null ? $"not yet recorded for `{deployed.PromotionId}`"
                : $"by {checklist.RecordedBy} at {ChatText.Utc(checklist.RecordedAt)}, {PostureChecklistForm.Ticks(checklist).Count(t => t.Ticked)}/5 confirmed"));
        }

        items.Add(new SignOffItem("release engineer and approver sign off below", "§6.1", SignOffStatus.ToConfirm, "names and dates in the sign-off table"));
        return items;
    }
}
