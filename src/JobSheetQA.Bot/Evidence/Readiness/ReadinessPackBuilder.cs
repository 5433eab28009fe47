using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Evidence.Readiness;

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
            runs.Add(new ReadinessRun(environment.Name, await history.LatestDispatchedAsync(environment.Name, cancellationToken)));

        var config = new List<ReadinessConfig>();
        foreach (var environment in policy.Environments.Where(e => e.ReadOnlyPosture))
        {
            var read = await github.GetEnvironmentVariablesAsync(environment.Name, policy.Posture.Flags.Select(f => f.Name).ToList(), cancellationToken);
            config.AddRange(policy.Posture.Flags.Select(flag => new ReadinessConfig(
                environment.Name, flag.Name, flag.Purpose, "false",
                read.Succeeded ? read.Value.FirstOrDefault(v => v.Name == flag.Name)?.DisplayValue ?? "unset" : null,
                read.Succeeded ? null : read.Error)));
        }

        var signOff = await SignOffAsync(headSha, config, cancellationToken);
        return new ReadinessPack(now, target.Target.FullName, policy.AllowedBranch, headSha, runs, config, signOff, policy);
    }

    /// <summary>Per environment reached through another: its predecessor's clean run and verification of HEAD; per read-only
    /// environment: its flags, its Parity Gate and its posture checklist; then the people's sign-off.</summary>
    private async Task<IReadOnlyList<ReadinessRequirement>> SignOffAsync(string headSha, IReadOnlyList<ReadinessConfig> config, CancellationToken cancellationToken)
    {
        var completed = await promotions.CompletedForCommitAsync(headSha, cancellationToken);
        var verified = await verifications.ForCommitAsync(headSha, cancellationToken);
        var requirements = new List<ReadinessRequirement>();
        foreach (var environment in policy.Environments)
        {
            if (policy.PredecessorOf(environment.Name) is not { } predecessor)
                continue;
            requirements.Add(new PredecessorPromoted(environment.Name, predecessor,
                completed.Where(p => p.Environment == predecessor && p.IsCleanSuccess).MaxBy(p => p.CompletedAt)));
            requirements.Add(new PredecessorVerified(environment.Name, predecessor,
                verified.Where(v => v.Environment == predecessor && v.IsComplete).MaxBy(v => v.VerifiedAt)));
        }

        foreach (var environment in policy.Environments.Where(e => e.ReadOnlyPosture))
        {
            requirements.Add(new ReadOnlyPostureHeld(environment.Name, config.Where(c => c.Environment == environment.Name).ToList()));
            requirements.Add(new ParityGatePassed(environment.Name, completed.Any(p => p.Environment == environment.Name
                && p.Steps.TryGetValue(PromotionStep.ParityGate, out var outcome) && outcome == StepOutcome.Passed)));
            var deployed = completed.Where(p => p.Environment == environment.Name && p.Succeeded).MaxBy(p => p.CompletedAt);
            var before = deployed is null ? null : await checklists.ForPromotionAsync(deployed.PromotionId, PostureChecklistStage.BeforeDispatch, cancellationToken);
            requirements.Add(new PreDispatchChecklistAnswered(environment.Name, deployed, before));
            var checklist = deployed is null ? null : await checklists.ForPromotionAsync(deployed.PromotionId, PostureChecklistStage.AfterDeploy, cancellationToken);
            requirements.Add(new PostureChecklistRecorded(environment.Name, deployed, checklist));
        }

        requirements.Add(new PeopleSignOff());
        return requirements;
    }
}
