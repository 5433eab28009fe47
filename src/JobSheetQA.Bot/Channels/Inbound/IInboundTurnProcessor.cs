namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>
/// A channel adapter's half of the durable queue: handles one of its stored turns (from the payload it stored when it
/// accepted the request) and tells the asker when a turn is given up. Handling may run more than once for a turn whose
/// worker died mid-way; the posts it makes through <c>ConversationPoster</c> are keyed, so they are not repeated.
/// </summary>
public interface IInboundTurnProcessor
{
    /// <summary>The channel whose turns this handles (<c>teams</c>, <c>slack</c>).</summary>
    string Channel { get; }

    /// <summary>Handles the turn; the result (or null) goes to a request still waiting for it (a Teams invoke).</summary>
    Task<object?> ProcessAsync(InboundTurn turn, CancellationToken cancellationToken);

    /// <summary>Tells the asker the turn could not be handled (its last attempt failed).</summary>
    Task GiveUpAsync(InboundTurn turn, CancellationToken cancellationToken);
}
