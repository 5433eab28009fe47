using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Promotions.Reports;

/// <summary>
/// Why a finished promotion is failed although its run may have finished well: the run did not prove that the judged
/// commit passed every gate (issue #13). A fact for the outcome; the chat side words it.
/// </summary>
public abstract record RunNotProven
{
    /// <summary>What the stored promotion says (<see cref="PromotionEntity.Failure"/>); null when it failed for another reason or did not fail.</summary>
    /// <param name="promotion">The promotion as stored.</param>
    /// <param name="runGoneAfter">How long GitHub answered 404 for a run before the tracker failed its promotion (<see cref="PromotionFailure.RunGone"/>).</param>
    public static RunNotProven? Of(PromotionEntity promotion, TimeSpan runGoneAfter = default) => promotion.Failure switch
    {
        PromotionFailure.RunGone when promotion.RunId is { } runId => new RunGone(runId, runGoneAfter),
        PromotionFailure.BuiltOtherCommit or PromotionFailure.BuiltOtherCommitRunFinished or PromotionFailure.BuiltOtherCommitNotCancelled
            when promotion.RunHeadSha is { } built => new RunBuiltOtherCommit(
                GitRef.BranchOf(promotion.Ref), promotion.CommitSha, built, promotion.Failure switch
                {
                    PromotionFailure.BuiltOtherCommit => RunCancellation.Requested,
                    PromotionFailure.BuiltOtherCommitRunFinished => RunCancellation.RunAlreadyFinished,
                    _ => RunCancellation.Failed,
                }),
        PromotionFailure.GateMissing or PromotionFailure.GateSkipped or PromotionFailure.GateNotPassed
            when promotion.FailureGate is { } gate => new GateDidNotRun(gate, promotion.Failure.Value, promotion.SkipParity),
        _ => null,
    };
}

/// <summary>The run built <paramref name="BuiltCommit"/>, not the judged <paramref name="JudgedCommit"/>: the branch moved after the decision.</summary>
/// <param name="Branch">The branch that was promoted (e.g. <c>main</c>).</param>
/// <param name="JudgedCommit">The commit the decision judged (full sha).</param>
/// <param name="BuiltCommit">The commit the run built (full sha); never recorded as deployed.</param>
/// <param name="Cancellation">What became of the run.</param>
public sealed record RunBuiltOtherCommit(string Branch, string JudgedCommit, string BuiltCommit, RunCancellation Cancellation) : RunNotProven;

/// <summary>GitHub answered 404 for the run for <paramref name="After"/>: it was deleted, or the bot can no longer see it.</summary>
/// <param name="RunId">The run.</param>
/// <param name="After">How long the 404s lasted before the promotion was failed (<c>Tracking:RunGoneAfter</c>).</param>
public sealed record RunGone(long RunId, TimeSpan After) : RunNotProven;

/// <summary>A gate (or Deploy) did not really run in the finished run.</summary>
/// <param name="Gate">The first such step, in workflow order.</param>
/// <param name="How"><see cref="PromotionFailure.GateMissing"/>, <see cref="PromotionFailure.GateSkipped"/> or <see cref="PromotionFailure.GateNotPassed"/>.</param>
/// <param name="ParitySkipAcknowledged">True when the promotion asked for an acknowledged parity skip.</param>
public sealed record GateDidNotRun(PromotionStep Gate, PromotionFailure How, bool ParitySkipAcknowledged) : RunNotProven;

/// <summary>What became of a run that built another commit than the one judged.</summary>
public enum RunCancellation
{
    /// <summary>GitHub accepted the cancellation.</summary>
    Requested,

    /// <summary>The run had already finished: it may have deployed the other commit.</summary>
    RunAlreadyFinished,

    /// <summary>GitHub did not accept the cancellation: the run may still be going.</summary>
    Failed,
}
