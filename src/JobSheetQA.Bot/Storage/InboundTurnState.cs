namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Where an accepted inbound turn is: <see cref="Accepted"/> (stored, waiting for a worker, or waiting to be tried again),
/// <see cref="Processing"/> (claimed by a worker until its lease runs out), then <see cref="Done"/> or, after its last
/// attempt failed, <see cref="GivenUp"/> (the asker was told).
/// </summary>
public enum InboundTurnState
{
    Accepted,
    Processing,
    Done,
    GivenUp,
}
