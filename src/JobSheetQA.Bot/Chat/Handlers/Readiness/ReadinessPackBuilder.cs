using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Readiness;

/// <summary>Gathers a <see cref="ReadinessPack"/> from GitHub (HEAD, posture flags) and the bot's records (promotions, verifications, checklists).</summary>
public sealed class ReadinessPackBuilder(
    PromotionPolicy policy,
    IRepositoryFacts github,
    IGitHubTargetAccessor target,
    PromotionHistory history,
    PromotionStore promotions,
    StagingVerificationStore verifications,
    PostureChecklistStore checklists)
{
    /// <summary>The pack, or the GitHub error that kept the bot from reading HEAD (without it there is nothing to sign off).</summary>
    public async Task<GitHubResult<ReadinessPack>> BuildAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var head = await github.GetBranchHeadAsync(policy.AllowedBranch, cancellationToken);
        if (!head.Succeeded)
            return head.Error;
        var headSha = head.Value.Sha;

        var runs = new List<ReadinessRun>();
        foreach (var environment in policy.Environments)
            runs.Add(ToRun(environment.Name, await history.LatestDispatchedAsync(environment.Name, cancellationToken)));

        var config = new List<ReadinessConfig>();
        foreach (var environment in policy.Environments.Where(e => e.ReadOnlyPosture))
        {
            var read = await github.GetEnvironmentVariablesAsync(environment.Name, policy.Posture.Flags.Select(f => f.Name).ToList(), cancellationToken);
            config.AddRange(policy.Posture.Flags.Select(flag => new ReadinessConfig(
                environment.Name, flag.Name, flag.Purpose, "false",
                read.Succeeded ? read.Value.FirstOrDefault(v => v.Name == flag.Name)?.DisplayValue ?? "unset" : null,
                read.Succeeded ? null : GitHubProblem.Describe(read.Error))));
        }

        var signOff = await SignOffAsync(headSha, config, cancellationToken);
        return new ReadinessPack(now, target.Target.FullName, policy.AllowedBranch, headSha, runs, config, signOff, policy);
    }

    private async Task<IReadOnlyList<SignOffItem>> SignOffAsync(string headSha, IReadOnlyList<ReadinessConfig> config, CancellationToken cancellationToken)
    {
        var items = new List<SignOffItem>();
        var commit = $"`{ChatText.ShortSha(headSha)}`";
        var completed = await promotions.CompletedForCommitAsync(headSha, cancellationToken);
        var verified = await verifications.ForCommitAsync(headSha, cancellationToken);

        foreach (var environment in policy.Environments)
        {
            var predecessor = policy.PredecessorOf(environment.Name);
            if (predecessor is null)
                continue;

            var clean = completed.Where(p => p.Environment == predecessor && p.IsCleanSuccess).MaxBy(p => p.CompletedAt);
            items.Add(new SignOffItem(
                $"{predecessor} promotion of HEAD {commit} passed every gate", "§3.1 step 2",
                clean is null ? SignOffStatus.NotMet : SignOffStatus.Met,
                clean is null ? $"no clean {predecessor} promotion of {commit} yet (`promote {predecessor}`)" : $"`{clean.PromotionId}`, {ChatText.Utc(clean.CompletedAt)}{(clean.ParitySkipped ? ", parity skipped: it must pass on " + environment.Name : "")}"));

            var verification = verified.Where(v => v.Environment == predecessor && v.IsComplete).MaxBy(v => v.VerifiedAt);
            items.Add(new SignOffItem(
                $"{predecessor} verification of {commit} recorded: application health, smoke tests, key functionality", "§3.1 steps 3–4, §3.2 step 1",
                verification is null ? SignOffStatus.NotMet : SignOffStatus.Met,
                verification is null ? $"none recorded (`verify {predecessor}`)" : $"by {verification.VerifiedBy} at {ChatText.Utc(verification.VerifiedAt)}"));
        }

        foreach (var environment in policy.Environments.Where(e => e.ReadOnlyPosture))
        {
            var flags = config.Where(c => c.Environment == environment.Name).ToList();
            var problem = flags.Select(f => f.Problem).FirstOrDefault(p => p is not null);
            var enabled = flags.Where(f => new PostureFlag(f.Environment, f.Name, f.Current).IsEnabled).ToList();
            items.Add(new SignOffItem(
                $"{environment.Name} read-only posture: {ChatText.AndList(flags.Select(f => $"`{f.Name}`").ToList())} false or unset", "§4.1–4.2",
                problem is not null ? SignOffStatus.ToConfirm : enabled.Count == 0 ? SignOffStatus.Met : SignOffStatus.NotMet,
                problem is not null ? $"could not read: {problem}"
                : enabled.Count == 0 ? "all false or unset"
                : $"enabled: {ChatText.AndList(enabled.Select(f => $"`{f.Name}` = `{f.Current}`").ToList())}"));

            items.Add(new SignOffItem(
                $"{environment.Name} Parity Gate passes (no skip for {environment.Name})", "§2.4, §3.2 step 3, §5.5",
                ParityPassed(completed, environment.Name) ? SignOffStatus.Met : SignOffStatus.ToConfirm,
                ParityPassed(completed, environment.Name) ? $"passed on the {environment.Name} run of {commit}" : "enforced by REQ-NO-PROD-SKIP and the workflow; confirm on the run"));

            var deployed = completed.Where(p => p.Environment == environment.Name && p.Succeeded).MaxBy(p => p.CompletedAt);
            var checklist = deployed is null ? null : await checklists.ForPromotionAsync(deployed.PromotionId, cancellationToken);
            items.Add(new SignOffItem(
                $"read-only posture checklist recorded after the {environment.Name} promotion", "§3.2 step 4, §4.2",
                deployed is null ? SignOffStatus.ToConfirm : checklist is null ? SignOffStatus.NotMet : SignOffStatus.Met,
                deployed is null ? $"after {commit} reaches {environment.Name}"
                : checklist is null ? $"not yet recorded for `{deployed.PromotionId}`"
                : $"by {checklist.RecordedBy} at {ChatText.Utc(checklist.RecordedAt)}, {PostureChecklistTicks(checklist)}/5 confirmed"));
        }

        items.Add(new SignOffItem("release engineer and approver sign off below", "§6.1", SignOffStatus.ToConfirm, "names and dates in the sign-off table"));
        return items;
    }

    private static bool ParityPassed(IEnumerable<CompletedPromotion> completed, string environment) =>
        completed.Any(p => p.Environment == environment && p.Steps.TryGetValue(PromotionStep.ParityGate, out var outcome) && outcome == StepOutcome.Passed);

    private static int PostureChecklistTicks(PostureChecklistEntity checklist) => Posture.PostureChecklist.Ticks(checklist).Count(t => t.Ticked);

    private static ReadinessRun ToRun(string environment, PromotionEntity? promotion) =>
        promotion is null
            ? new ReadinessRun(environment, null, null, null, null, null, null, new Dictionary<PromotionStep, StepOutcome>())
            : new ReadinessRun(
                environment, promotion.Id, promotion.CommitSha, PromotionText.State(promotion.State), promotion.RequesterDisplayName,
                promotion.CompletedAt ?? promotion.CreatedAt, promotion.RunUrl, promotion.GateResults.ToDictionary(g => g.Step, g => g.Outcome));
}
