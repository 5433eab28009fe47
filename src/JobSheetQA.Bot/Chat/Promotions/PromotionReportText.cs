using System.Text;
using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions.Acknowledgements;
using JobSheetQA.Bot.Promotions.Reports;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>The words of each promotion report (<see cref="PromotionReport"/>): outcomes, gate failures, long waits, expiries.</summary>
public static class PromotionReportText
{
    /// <param name="promotion">The finished promotion.</param>
    /// <param name="failedGate">The first gate that failed, if any.</param>
    /// <param name="parity">The Parity Gate's findings when it failed.</param>
    /// <param name="runNotFoundAfter">How long the tracker looked for a run that never appeared.</param>
    /// <param name="notProven">Why the promotion failed although its run may have finished well.</param>
    /// <param name="reportToFollow">The parity report could not be read yet; it is posted later if it appears.</param>
    public static Reply Outcome(
        PromotionEntity promotion, PromotionStep? failedGate, ParityFindings? parity, TimeSpan runNotFoundAfter, RunNotProven? notProven = null,
        bool reportToFollow = false)
    {
        var text = new StringBuilder();
        var what = $"**{Describe(promotion)}** ({promotion.Id}, commit `{PromotionText.Commit(promotion.CommitSha)}`, requested by {promotion.RequesterDisplayName})";
        switch (promotion.State)
        {
            case PromotionState.Succeeded when promotion.SkipParity:
                text.Append($"✅ {what} succeeded: every other gate passed, {PromotionStep.ParityGate.DisplayName()} was skipped with the acknowledgement, and {PromotionStep.Deploy.DisplayName()} finished.");
                break;
            case PromotionState.Succeeded:
                text.Append($"✅ {what} succeeded: every gate passed and {PromotionStep.Deploy.DisplayName()} finished.");
                break;
            case PromotionState.Cancelled:
                text.Append($"⏹️ {what} was cancelled.");
                break;
            case PromotionState.Failed when promotion.RunId is null:
                text.Append($"❌ {what} failed: no workflow run with correlation id `{promotion.CorrelationId}` appeared within {Duration(runNotFoundAfter)}. Check the Actions tab before promoting again.");
                break;
            case PromotionState.Failed when notProven is RunGone gone:
                text.Append($"❌ {what} failed: GitHub answered 404 (not found) for workflow run {gone.RunId} for {Duration(gone.After)}: "
                    + "it was deleted, or the bot's GitHub credentials can no longer see it, so I stopped following it. "
                    + "Check the Actions tab (the run may still be going) before promoting again.");
                break;
            case PromotionState.Failed when notProven is RunBuiltOtherCommit other:
                text.Append($"❌ {what} failed: {BuiltOtherCommit(other, promotion.Environment)}");
                break;
            case PromotionState.Failed when notProven is GateDidNotRun notRun && failedGate is null:
                text.Append($"❌ {what} failed: {DidNotRun(notRun, promotion)}: the promotion is failed, not succeeded.");
                break;
            case PromotionState.Failed when failedGate is { } gate:
                text.Append($"❌ {what} failed at **{gate.DisplayName()}**.");
                break;
            default:
                text.Append($"❌ {what} failed.");
                break;
        }

        AppendRun(text, promotion);
        AppendParity(text, parity, reportToFollow);
        return WithPromoteAgain(text, promotion, promotion.State == PromotionState.Failed && failedGate == PromotionStep.ParityGate);
    }

    public static Reply GateFailure(PromotionEntity promotion, PromotionStep gate, ParityFindings? parity, bool reportToFollow = false)
    {
        var text = new StringBuilder(
            $"🚨 **{gate.DisplayName()} failed** for **{Describe(promotion)}** ({promotion.Id}, commit `{PromotionText.Commit(promotion.CommitSha)}`, requested by {promotion.RequesterDisplayName}).");
        AppendRun(text, promotion);
        AppendParity(text, parity, reportToFollow);
        return WithPromoteAgain(text, promotion, gate == PromotionStep.ParityGate);
    }

    /// <summary>The parity report that was not available when the failure was first posted (<paramref name="parity"/> is readable now).</summary>
    public static Reply ParityReport(PromotionEntity promotion, ParityFindings parity)
    {
        var text = new StringBuilder($"📄 The parity report of **{Describe(promotion)}** ({promotion.Id}) is available now.");
        AppendRun(text, promotion);
        AppendParity(text, parity, reportToFollow: false);
        return new Reply([new TextBlock(text.ToString())]);
    }

    /// <summary>
    /// Runbook §5.2 step 5, "re-run the promotion workflow": a button that types <c>promote &lt;environment&gt;</c>, so the
    /// re-run is judged by the policy, authorised and acknowledged like any other promotion.
    /// </summary>
    private static Reply WithPromoteAgain(StringBuilder text, PromotionEntity promotion, bool parityFailed) =>
        parityFailed
            ? new Reply([new TextBlock(text.ToString()),
                new ButtonsBlock([new ReplyButton($"Promote {promotion.Environment} again", $"promote {promotion.Environment}", ButtonStyle.Primary)])])
            : new Reply([new TextBlock(text.ToString())]);

    public static Reply StillQueued(PromotionEntity promotion, TimeSpan queuedFor) => Reply.Text(
        $"⏳ The run of **{Describe(promotion)}** ({promotion.Id}) has been queued for {Duration(queuedFor)}: no runner has picked it up "
        + $"(a busy concurrency group, or no runner available). I keep watching.{RunLink(promotion)}");

    public static Reply WaitingForReview(PromotionEntity promotion, PendingDeployment pending)
    {
        var reviewers = pending.Reviewers.Count == 0 ? "the environment's reviewers" : string.Join(", ", pending.Reviewers);
        var timer = pending.WaitTimerMinutes > 0 ? $" (wait timer {pending.WaitTimerMinutes} min)" : "";
        return Reply.Text(
            $"⏳ **{Describe(promotion)}** ({promotion.Id}) is waiting for an environment review on **{pending.EnvironmentName}**{timer}: "
            + $"{reviewers} can approve it in GitHub. I keep watching.{RunLink(promotion)}");
    }

    public static Reply AcknowledgementExpired(PromotionEntity? promotion, AcknowledgementEntity acknowledgement)
    {
        var who = promotion?.RequesterDisplayName is { } name ? $"{name}, your" : "Your";
        if (ChecklistAnswers.AreAskedBy(acknowledgement))
        {
            return Reply.Text(
                $"⌛ {who} read-only posture checklist for **promote {acknowledgement.Environment}** ({acknowledgement.PromotionId}) expired at "
                + $"{ChatText.UtcTime(acknowledgement.ExpiresAt)} without an answer; nothing was dispatched and {acknowledgement.Environment} is free again. "
                + $"Ask again with `promote {acknowledgement.Environment}` if you still want it.");
        }

        return Reply.Text(
            $"⌛ {who} acknowledgement for **promote {acknowledgement.Environment} --skip-parity** ({acknowledgement.PromotionId}) expired at "
            + $"{ChatText.UtcTime(acknowledgement.ExpiresAt)} without the phrase being typed; nothing was dispatched "
            + $"and {acknowledgement.Environment} is free again. Ask again with `promote {acknowledgement.Environment} --skip-parity` if you still want it.");
    }

    /// <summary>The branch moved between the decision and the dispatch; only the built commit could ever have been deployed.</summary>
    private static string BuiltOtherCommit(RunBuiltOtherCommit other, string environment)
    {
        var judged = $"`{PromotionText.Commit(other.JudgedCommit)}`";
        var built = $"`{PromotionText.Commit(other.BuiltCommit)}`";
        var moved = $"{other.Branch} moved from {judged} to {built} after the decision; the run built {built}";
        return other.Cancellation switch
        {
            RunCancellation.Requested => $"{moved}, so it was cancelled. Promote again to judge the new commit.",
            RunCancellation.RunAlreadyFinished =>
                $"{moved} and had already finished when I tried to cancel it, so {built} may be on {environment} without having been judged. "
                + "The promotion is failed, not succeeded, and neither commit is recorded as deployed. Promote again to judge the new commit.",
            _ => $"{moved}, and GitHub did not accept my request to cancel it: cancel it in the Actions tab. "
                + "The promotion is failed all the same, and neither commit is recorded as deployed. Promote again to judge the new commit.",
        };
    }

    private static string DidNotRun(GateDidNotRun notRun, PromotionEntity promotion)
    {
        var gate = $"**{notRun.Gate.DisplayName()}**";
        return notRun.How switch
        {
            PromotionFailure.GateMissing => $"{gate} did not run (its job is not in the workflow run)",
            PromotionFailure.GateSkipped when notRun.Gate == PromotionStep.ParityGate && !notRun.ParitySkipAcknowledged =>
                $"{gate} did not run (skipped without an acknowledged skip)",
            PromotionFailure.GateSkipped => $"{gate} did not run (skipped)",
            _ => $"{gate} did not pass (its job ended {OutcomeOf(promotion, notRun.Gate)}) although the run finished",
        };
    }

    private static string OutcomeOf(PromotionEntity promotion, PromotionStep step) =>
        promotion.GateResults.FirstOrDefault(g => g.Step == step)?.Outcome.ToString().ToLowerInvariant() ?? "unfinished";

    private static void AppendRun(StringBuilder text, PromotionEntity promotion) => text.Append(RunLink(promotion));

    private static string RunLink(PromotionEntity promotion) =>
        promotion.RunUrl is { } url ? $" [Workflow run]({url})" : "";

    private static void AppendParity(StringBuilder text, ParityFindings? parity, bool reportToFollow)
    {
        if (parity is null)
            return;
        if (reportToFollow)
        {
            var why = parity.Problem ?? parity.Evidence?.ReadProblems.FirstOrDefault() ?? "not uploaded yet";
            text.Append($"\nThe parity report is not available yet ({why}); I will post it here if it appears.");
        }

        if (parity.Evidence is { } evidence)
            text.Append('\n').Append(ParityEvidenceText.Describe(evidence));
        else if (parity.Problem is { } problem && !reportToFollow)
            text.Append($"\nThe parity results could not be read: {problem}");
    }

    private static string Describe(PromotionEntity promotion) =>
        $"promote {promotion.Environment}{(promotion.SkipParity ? " --skip-parity" : "")}";

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)Math.Max(1, span.TotalSeconds)} s";

}
