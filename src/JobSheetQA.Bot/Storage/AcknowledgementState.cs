namespace JobSheetQA.Bot.Storage;

/// <summary>An acknowledgement is asked for once, and then used, expired or cancelled exactly once (docs/architecture.md, "Idempotency").</summary>
public enum AcknowledgementState
{
    Pending,
    Used,
    Expired,
    Cancelled,
}
