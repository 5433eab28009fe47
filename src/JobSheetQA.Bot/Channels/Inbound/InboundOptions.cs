namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>
/// The <c>Inbound</c> settings: the durable queue every accepted Teams activity and Slack request goes through
/// (docs/architecture.md, data flow step 1).
/// </summary>
public sealed class InboundOptions
{
    public const string SectionName = "Inbound";

    /// <summary>
    /// <c>Inbound:Workers</c>: turns handled at once (of different conversations; one conversation's turns go one at a
    /// time). A worker also waits for its turn's writes to commit, so on the 2-core load machine eight ran a third more dry
    /// runs than four at 16 conversations (1,936 against 1,468 a second, three runs each, tests/load).
    /// </summary>
    public int Workers { get; set; } = 8;

    /// <summary><c>Inbound:MaxAttempts</c>: tries of one turn; after the last failure the asker is told it could not be handled.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary><c>Inbound:RetryBaseDelay</c>: the wait after a turn's first failure; it doubles each attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>Inbound:Lease</c>: how long a worker's claim on a turn holds without renewal (every third of it, the claims held
    /// that long by turns still running are renewed); the turn of a worker that died is taken again after it.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>Inbound:PollInterval</c>: how often an idle worker looks for turns accepted elsewhere or due again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>Inbound:InvokeAnswerWithin</c>: how long a Teams invoke that wants an answer in its HTTP response (a card's
    /// <c>Action.Execute</c>) waits for its turn; after it the invoke is answered "working on it" and the answers follow
    /// as messages.
    /// </summary>
    public TimeSpan InvokeAnswerWithin { get; set; } = TimeSpan.FromSeconds(3);
}
