using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// What a workflow run proves about the promotion it was dispatched for (issue #13). A promotion succeeds only when the
/// commit that was judged is the commit that was built and every gate really ran: fail closed, whatever GitHub's
/// conclusion says.
/// </summary>
public static class RunProof
{
    /// <summary>True when the run built the commit the decision judged (full sha, case-insensitive).</summary>
    public static bool BuiltJudgedCommit(string judgedCommit, string builtCommit) =>
        string.Equals(judgedCommit, builtCommit, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The first step, in workflow order, that did not really run and pass in a finished run; null when every gate and
    /// Deploy passed. A skipped Parity Gate is accepted only when the promotion asked for an acknowledged skip
    /// (<paramref name="paritySkipAcknowledged"/>, runbook §5.4); any other skip, and a step whose job is not in the run, is a shortfall.
    /// </summary>
    public static GateShortfall? FirstShortfall(RunGates gates, GateMap map, bool paritySkipAcknowledged)
    {
        foreach (var step in Enum.GetValues<PromotionStep>())
        {
            var hasJob = map.JobNames.TryGetValue(step, out var jobName) && gates.Jobs.Any(j => GateJobMapper.Matches(j.Name, jobName));
            if (!hasJob)
                return new GateShortfall(step, PromotionFailure.GateMissing);

            var outcome = gates.Steps.TryGetValue(step, out var o) ? o : StepOutcome.Pending;
            switch (outcome)
            {
                case StepOutcome.Passed:
                case StepOutcome.Skipped when step == PromotionStep.ParityGate && paritySkipAcknowledged:
                    continue;
                case StepOutcome.Skipped:
                    return new GateShortfall(step, PromotionFailure.GateSkipped);
                default:
                    return new GateShortfall(step, PromotionFailure.GateNotPassed);
            }
        }

        return null;
    }
}
