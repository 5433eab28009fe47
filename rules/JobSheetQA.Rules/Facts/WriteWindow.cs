namespace JobSheetQA.Rules.Facts;

/// <summary>A change-request-backed window in which write operations are allowed (runbook §4.3).</summary>
public sealed record WriteWindow(
    string Environment,
    string ChangeRequest,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? ClosedAt = null)
{
    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && OpenedAt <= now && now < EndsAt;
}
