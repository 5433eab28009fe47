namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>One line of the append-only audit log: who did what, and the decision with its rule ids.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who, as people read it (a display name, or <c>tracker</c> / <c>bot</c>).</summary>
    public required string Actor { get; set; }

    /// <summary>Who, as a stable id (<see cref="Storage.Actor.Id"/>); null for entries written before ids were kept.</summary>
    public string? ActorId { get; set; }

    public required string Action { get; set; }

    public string? PromotionId { get; set; }

    public string? Environment { get; set; }

    /// <summary>Structured details as JSON, e.g. the decision with every finding's rule id (<see cref="AuditDetails"/>).</summary>
    public string? Details { get; set; }
}
