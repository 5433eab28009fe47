namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// <c>MicrosoftAppType</c>: how the bot's Entra identity is registered (docs/configuration.md, "Teams (Bot Framework)"). New Azure Bot
/// registrations are single-tenant or managed identity; multi-tenant ones created before August 2025 keep working.
/// </summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
