namespace JobSheetQA.Bot.Storage;

/// <summary>Whether a caller may send an outbound post (never twice: docs/architecture.md, "Idempotency").</summary>
public enum OutboundReservationStatus
{
    /// <summary>This caller holds the key: post now, then call Complete.</summary>
    Reserved,

    /// <summary>Someone reserved the key and has not completed it: do not post. A reservation left by a crash stays here
    /// (at most once by design) until someone who knows the post never went out calls Release.</summary>
    InProgress,

    /// <summary>Already posted; the message id is known (update it in place instead).</summary>
    AlreadyPosted,
}
