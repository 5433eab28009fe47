using System.Runtime.CompilerServices;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Parity;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Bot.Policy;

/// <summary>
/// Gathers everything a promotion decision reads (docs/policy.md, "How a decision is made"): HEAD of the ref, the workflow file
/// (at the commit judged when the ask names one, as for a deployment protection review, else at the ref) and its analysis,
/// secret names, posture flags, nightly parity against the thresholds, and the bot's own records of the commit.
/// A GitHub failure stops the gathering with that error: the bot never judges on facts it could not read.
/// Files are read at the commit HEAD names, so the gateway can keep them (and this class their analysis) by commit.
/// </summary>
public sealed class PromotionFactsGatherer(
    IRepositoryFacts github,
    StoredFactsReader stored,
    PromotionPolicy policy,
    TimeProvider time,
    IHostEnvironment host)
{
    /// <summary>Where the application repository keeps its parity thresholds (runbook §5.2).</summary>
    public const string ThresholdsPath = "parity/config/thresholds.json";

    // The analysis of a file lives as long as the (cached, immutable) file it was made from.
    private readonly ConditionalWeakTable<RepositoryFile, WorkflowAnalysis> analyses = [];

    public async Task<GatheredFacts> GatherAsync(PromotionAsk ask, CancellationToken cancellationToken = default)
    {
        using var span = BotTelemetry.Policy.StartActivity("facts.gather");
        span?.SetTag("promotion.environment", ask.Environment);
        var gitRef = ask.Ref ?? policy.AllowedBranch;
        var head = ask.DryRun
            ? await github.GetRecentBranchHeadAsync(GitRef.BranchOf(gitRef), cancellationToken)
            : await github.GetBranchHeadAsync(GitRef.BranchOf(gitRef), cancellationToken);
        if (!head.Succeeded)
            return GatheredFacts.Failed(head.Error);

        // A deployment GitHub waits on names its commit: what runs is the workflow at that commit, not at the branch's HEAD.
        // Otherwise what the ref holds is what its HEAD commit holds: read there, a file is a fact that never changes.
        var atHead = head.Value.Sha;
        var workflowFile = await github.GetFileAsync(policy.WorkflowPath, ask.CommitSha ?? atHead, cancellationToken);
        if (!workflowFile.Succeeded)
            return GatheredFacts.Failed(workflowFile.Error);

        var secrets = ask.DryRun
            ? await github.GetRecentSecretPresenceAsync(ask.Environment, policy.RequiredSecrets, cancellationToken)
            : await github.GetSecretPresenceAsync(ask.Environment, policy.RequiredSecrets, cancellationToken);
        if (!secrets.Succeeded)
            return GatheredFacts.Failed(secrets.Error);

        var flagNames = policy.Posture.Flags.Select(f => f.Name).ToList();
        var flags = ask.DryRun
            ? await github.GetRecentEnvironmentVariablesAsync(ask.Environment, flagNames, cancellationToken)
            : await github.GetEnvironmentVariablesAsync(ask.Environment, flagNames, cancellationToken);
        if (!flags.Succeeded)
            return GatheredFacts.Failed(flags.Error);

        NightlyParityResult? nightly = null;
        if (ask.UseNightlyParity)
        {
            var judged = await JudgeNightlyParityAsync(gitRef, atHead, cancellationToken);
            if (!judged.Succeeded)
                return GatheredFacts.Failed(judged.Error);
            nightly = judged.Value;
        }

        var now = time.GetUtcNow();
        var commit = ask.CommitSha ?? head.Value.Sha;
        // A dry run judges a promotion that does not exist: no checklist can have been answered for it.
        var records = await stored.ReadAsync(ask.Environment, commit, now, cancellationToken, ask.DryRun ? null : ask.PromotionId);
        var request = new PromotionRequest(ask.PromotionId, ask.Environment, gitRef, commit, ask.SkipParity, ask.UseNightlyParity, ask.AcknowledgementText, ask.Requester);

        return GatheredFacts.From(new PromotionFacts(
            request,
            policy,
            new DecisionContext(now, host.IsDevelopment()),
            new WorkflowFile(policy.WorkflowPath, ask.CommitSha ?? gitRef, workflowFile.Value.Found ? Analysis(workflowFile.Value) : null),
            secrets.Value.ToInventory(),
            flags.Value,
            records.WriteWindows,
            records.PriorPromotions,
            records.Verifications,
            nightly,
            records.InFlight)
        {
            PostureChecklists = records.PostureChecklists,
        });
    }

    private WorkflowAnalysis Analysis(RepositoryFile file) =>
        analyses.GetValue(file, f => WorkflowAnalyzer.Analyze(f.Text!, policy.Acknowledgement.Phrase));

    private async Task<GitHubResult<NightlyParityResult?>> JudgeNightlyParityAsync(string gitRef, string atHead, CancellationToken cancellationToken)
    {
        var report = await github.GetLatestNightlyParityAsync(policy.NightlyParity, GitRef.BranchOf(gitRef), cancellationToken);
        if (!report.Succeeded)
            return report.Error;
        if (report.Value is null)
            return GitHubResult<NightlyParityResult?>.Success(null);

        var thresholds = await github.GetFileAsync(ThresholdsPath, atHead, cancellationToken);
        if (!thresholds.Succeeded)
            return thresholds.Error;

        // Freshness is the report's own generated_at (runbook §2.1); the rule falls back to the run's time, saying so, only without one.
        var nightly = report.Value;
        return GitHubResult<NightlyParityResult?>.Success(new NightlyParityResult(
            nightly.RunId, nightly.CompletedAt, nightly.HeadSha, Violations(nightly, thresholds.Value, gitRef), ParityReader.ReadGeneratedAt(nightly.Text)));
    }

    /// <summary>What keeps the nightly report from counting: broken thresholds, or an unreadable report, count as violations too.</summary>
    private static IReadOnlyList<string> Violations(NightlyParityReport nightly, RepositoryFile thresholds, string gitRef)
    {
        if (!thresholds.Found)
            return [$"{ThresholdsPath} not found on {gitRef}"];

        var evaluation = ParityEvaluator.Evaluate(nightly.Text, thresholds.Text, $"nightly run {nightly.RunId} {nightly.EntryPath}", ThresholdsPath);
        return evaluation.Succeeded ? evaluation.Value.Messages : evaluation.Errors.Select(e => e.ToString()).ToList();
    }
}
