namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>What became of a request offered to the queue.</summary>
public enum InboundAcceptance
{
    /// <summary>Stored; a worker will handle it.</summary>
    Accepted,

    /// <summary>Accepted before (a redelivery); nothing new is stored.</summary>
    Duplicate,

    /// <summary>Too many turns of the channel are waiting; the platform should deliver it again later.</summary>
    Full,
}
