namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>
/// One accepted chat activity or event, stored before the platform gets its answer and handled later by a worker
/// (docs/architecture.md, data flow step 1). Its (channel, inbound id) is also a <c>processed_inbound</c> row, written
/// in the same transaction, so a redelivery is never accepted twice.
/// </summary>
public sealed class InboundTurnEntity
{
    /// <summary>Increasing with acceptance: the order turns of one conversation are handled in.</summary>
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string InboundId { get; set; }

    /// <summary>The conversation the turn belongs to; its turns are handled one at a time, in <see cref="Id"/> order.</summary>
    public required string ConversationKey { get; set; }

    /// <summary>What the channel adapter needs to handle the turn, as it stored it after authenticating the request.</summary>
    public required string Payload { get; set; }

    public InboundTurnState State { get; set; }

    /// <summary>Claims so far, the current one included.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>Not claimed before this (a failed attempt waits before the next).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While <see cref="InboundTurnState.Processing"/>: the claim holds until then; a lapsed claim is taken again.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The worker (process) holding the claim.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The last failure, for the operator (no secrets: an exception's type and message).</summary>
    public string? LastError { get; set; }
}
