namespace JobSheetQA.Bot.Storage;

/// <summary>What happened when someone typed an acknowledgement for a pending request (runbook §2.4, §5.4).</summary>
public enum AcknowledgementUse
{
    /// <summary>Accepted: this was the first and only use.</summary>
    Used,

    /// <summary>No such acknowledgement.</summary>
    NotFound,

    /// <summary>Someone other than the requester typed it; nothing changes.</summary>
    NotRequester,

    /// <summary>Used already; single use.</summary>
    AlreadyUsed,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>The promotion was cancelled or re-evaluated.</summary>
    Cancelled,
}
