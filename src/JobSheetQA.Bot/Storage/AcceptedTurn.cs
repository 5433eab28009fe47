namespace JobSheetQA.Bot.Storage;

/// <summary>A turn stored in the durable inbound queue, and whether it was claimed at once (<see cref="InboundTurnStore.AcceptAndClaimAsync"/>).</summary>
public readonly record struct AcceptedTurn(long Id, bool Claimed);
