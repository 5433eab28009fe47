namespace JobSheetQA.Bot.Storage;

/// <summary>One line of the audit log: who did what, to which promotion and environment, with structured details.</summary>
/// <param name="Actor">Who: a person by their platform id and name, or the bot itself.</param>
/// <param name="Details">JSON, e.g. <see cref="AuditDetails.ForDecision"/>: the decision with each finding's rule id.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    Actor Actor,
    string Action,
    string? PromotionId = null,
    string? Environment = null,
    string? Details = null);
