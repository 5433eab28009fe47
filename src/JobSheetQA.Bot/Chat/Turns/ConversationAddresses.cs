using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>Maps a conversation address to its stored reference and back.</summary>
public static class ConversationAddresses
{
    public static ConversationReferenceEntity ToEntity(ConversationAddress address) => new()
    {
        Channel = address.Channel,
        ConversationId = address.ConversationId,
        ServiceUrl = address.ServiceUrl,
        TeamId = address.TeamId,
        ChannelId = address.ChannelId,
        TenantId = address.TenantId,
        BotId = address.BotId,
        UserId = address.UserId,
        ThreadId = address.ThreadId,
    };

    public static ConversationAddress ToAddress(ConversationReferenceEntity reference) => new(
        reference.Channel,
        reference.ConversationId,
        reference.ServiceUrl,
        reference.TeamId,
        reference.ChannelId,
        reference.TenantId,
        reference.BotId,
        reference.UserId,
        reference.ThreadId);
}
