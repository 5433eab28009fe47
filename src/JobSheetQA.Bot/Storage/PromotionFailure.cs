namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Why the tracker failed a promotion whose run GitHub may even call successful: the run did not prove the judged commit
/// passed every gate (issue #13). Null on a promotion whose run failed on its own. Stored by name.
/// </summary>
public enum PromotionFailure
{
    /// <summary>The run built another commit than the one judged; GitHub accepted its cancellation.</summary>
    BuiltOtherCommit,

    /// <summary>The run built another commit than the one judged and had already finished when it was to be cancelled.</summary>
    BuiltOtherCommitRunFinished,

    /// <summary>The run built another commit than the one judged and GitHub did not accept its cancellation.</summary>
    BuiltOtherCommitNotCancelled,

    /// <summary>A gate's job (or Deploy) was not in the finished run (<see cref="Entities.PromotionEntity.FailureGate"/>).</summary>
    GateMissing,

    /// <summary>A gate's job (or Deploy) was skipped; for the Parity Gate, without an acknowledged skip.</summary>
    GateSkipped,

    /// <summary>A gate's job (or Deploy) neither passed nor failed (e.g. cancelled) in a run GitHub called successful.</summary>
    GateNotPassed,

    /// <summary>GitHub answered 404 for the run for <c>Tracking:RunGoneAfter</c>: deleted, or no longer visible to the bot.</summary>
    RunGone,
}
