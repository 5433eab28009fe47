namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>A change-request-backed write window and the bot's follow-up on it (runbook §4.3).</summary>
public sealed class WriteWindowEntity
{
    public long Id { get; set; }

    public required string Environment { get; set; }

    public required string ChangeRequest { get; set; }

    public required string OpenedBy { get; set; }

    /// <summary>Who opened it, as a stable id (<see cref="Actor.Id"/>); null for windows opened before it was kept.</summary>
    public string? OpenedById { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>Who closed it, as a stable id; null while open, and for windows closed before it was kept.</summary>
    public string? ClosedById { get; set; }

    /// <summary>The conversation the window was opened from: its reminder and end-of-window check go back there.</summary>
    public long? ConversationReferenceId { get; set; }

    /// <summary>When the "window ends soon" reminder went out; null until then.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    /// <summary>When the end-of-window check that the posture flags are back to false was done.</summary>
    public DateTimeOffset? EndCheckDoneAt { get; set; }

    /// <summary>The flags the bot set on the environment when the window opened (comma-separated, e.g.
    /// <c>ENABLE_PURGE_EXECUTION</c>); null for a window whose flags are changed by hand (not managed).</summary>
    public string? ManagedFlags { get; set; }

    /// <summary>The managed flags' environment values before the window set them, as JSON <c>{"NAME": "false" | null}</c>
    /// (null: unset); what closing or expiry restores.</summary>
    public string? PreviousValues { get; set; }

    /// <summary>When the previous values were restored and read back; null while open or while the restore is owed.</summary>
    public DateTimeOffset? RestoredAt { get; set; }

    /// <summary>Failed restore attempts so far (each one announced).</summary>
    public int RestoreAttempts { get; set; }

    /// <summary>When the next restore attempt is due after a failed one.</summary>
    public DateTimeOffset? NextRestoreAt { get; set; }

    /// <summary>Why the last restore attempt failed; null after success.</summary>
    public string? RestoreError { get; set; }

    public bool IsManaged => ManagedFlags is not null;
}
