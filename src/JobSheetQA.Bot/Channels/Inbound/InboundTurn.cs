using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>A claimed turn as its processor sees it: ids, the conversation it is ordered in, the stored payload and which attempt this is.</summary>
public sealed record InboundTurn(long Id, string Channel, string InboundId, string ConversationKey, string Payload, int Attempt)
{
    public static InboundTurn From(InboundTurnEntity entity) =>
        new(entity.Id, entity.Channel, entity.InboundId, entity.ConversationKey, entity.Payload, entity.Attempts);
}
