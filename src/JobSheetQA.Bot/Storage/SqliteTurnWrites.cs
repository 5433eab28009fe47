using JobSheetQA.Bot.Storage.Entities;
using Microsoft.Data.Sqlite;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// SQLite only: the writes every turn makes (accepted, claimed, done, and its audit line) as prepared SQL run by the
/// <see cref="SqliteBatchWriter"/>, which commits concurrent turns' writes together. The same rows and guards as the EF
/// Core path of <see cref="InboundTurnStore"/> and <see cref="AuditLog"/>, which PostgreSQL keeps; the stores' tests run
/// on both databases, so both paths answer to the same tests.
/// </summary>
public sealed class SqliteTurnWrites(SqliteBatchWriter writer)
{
    private const string Accepted = nameof(InboundTurnState.Accepted);
    private const string Processing = nameof(InboundTurnState.Processing);
    private const string Done = nameof(InboundTurnState.Done);

    private const string InsertProcessedInbound =
        "INSERT INTO processed_inbound (channel, inbound_id, received_at) VALUES ($channel, $inbound_id, $now)";

    private const string InsertTurn = $"""
        INSERT INTO inbound_turns (channel, inbound_id, conversation_key, payload, state, attempts, accepted_at, next_attempt_at)
        VALUES ($channel, $inbound_id, $conversation_key, $payload, '{Accepted}', 0, $now, $now)
        RETURNING id
        """;

    // The turn is claimed only on its first attempt, unclaimed, and with no unfinished earlier turn in its conversation.
    private const string ClaimAccepted = $"""
        UPDATE inbound_turns SET state = '{Processing}', attempts = 1, lease_owner = $owner, lease_until = $lease_until
        WHERE id = $id AND state = '{Accepted}' AND attempts = 0
          AND NOT EXISTS (SELECT 1 FROM inbound_turns AS earlier
                          WHERE earlier.conversation_key = inbound_turns.conversation_key AND earlier.id < inbound_turns.id
                            AND earlier.state IN ('{Accepted}', '{Processing}'))
        """;

    private const string Complete = $"""
        UPDATE inbound_turns SET state = '{Done}', lease_until = NULL, finished_at = $now
        WHERE id = $id AND state = '{Processing}' AND lease_owner = $owner
        """;

    private const string InsertAuditEntry = """
        INSERT INTO audit_log (at, actor, actor_id, action, promotion_id, environment, details)
        VALUES ($at, $actor, $actor_id, $action, $promotion_id, $environment, $details)
        """;

    private static readonly UtcDateTimeOffsetConverter Times = new();

    /// <inheritdoc cref="InboundTurnStore.AcceptAsync"/>
    public async Task<long?> AcceptAsync(InboundTurnAcceptance acceptance, DateTimeOffset now) =>
        (await AcceptAsync(acceptance, now, claim: null))?.Id;

    /// <inheritdoc cref="InboundTurnStore.AcceptAndClaimAsync"/>
    public Task<AcceptedTurn?> AcceptAndClaimAsync(InboundTurnAcceptance acceptance, DateTimeOffset now, string owner, TimeSpan lease) =>
        AcceptAsync(acceptance, now, (owner, lease));

    private async Task<AcceptedTurn?> AcceptAsync(InboundTurnAcceptance acceptance, DateTimeOffset now, (string Owner, TimeSpan Lease)? claim)
    {
        var at = Stored(now);
        try
        {
            // One write: the de-duplication rows, the turn and its claim are committed together or, on a clash, not at all.
            return await writer.WriteAsync(statements =>
            {
                foreach (var id in acceptance.Ids)
                    statements.Execute(InsertProcessedInbound, ("$channel", acceptance.Channel), ("$inbound_id", id), ("$now", at));
                var turnId = statements.ScalarInt64(InsertTurn,
                    ("$channel", acceptance.Channel), ("$inbound_id", acceptance.InboundId), ("$conversation_key", acceptance.ConversationKey),
                    ("$payload", acceptance.Payload), ("$now", at));
                return new AcceptedTurn(turnId, claim is { } by && Claim(statements, turnId, by.Owner, now, by.Lease));
            });
        }
        catch (SqliteException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return null;
        }
    }

    /// <inheritdoc cref="InboundTurnStore.TryClaimAcceptedAsync"/>
    public async Task<bool> TryClaimAcceptedAsync(long id, string owner, DateTimeOffset now, TimeSpan lease) =>
        await writer.WriteAsync(statements => Claim(statements, id, owner, now, lease));

    private static bool Claim(PreparedStatements statements, long id, string owner, DateTimeOffset now, TimeSpan lease) =>
        statements.Execute(ClaimAccepted, ("$id", id), ("$owner", owner), ("$lease_until", Stored(now + lease))) == 1;

    /// <inheritdoc cref="InboundTurnStore.CompleteAsync"/>
    public async Task<bool> CompleteAsync(long id, string owner, DateTimeOffset now) =>
        await writer.WriteAsync(statements => statements.Execute(Complete, ("$id", id), ("$owner", owner), ("$now", Stored(now)))) == 1;

    /// <inheritdoc cref="AuditLog.AppendAsync"/>
    public Task AppendAuditAsync(AuditEntry entry) =>
        writer.WriteAsync(statements => statements.Execute(InsertAuditEntry,
            ("$at", Stored(entry.At)), ("$actor", entry.Actor.Name), ("$actor_id", entry.Actor.Id), ("$action", entry.Action),
            ("$promotion_id", entry.PromotionId), ("$environment", entry.Environment), ("$details", entry.Details)));

    // Exactly what EF Core stores for a DateTimeOffset (UTC, to the microsecond), so its queries compare these values.
    private static DateTime Stored(DateTimeOffset value) => (DateTime)Times.ConvertToProvider(value)!;
}
