namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// The bot's identity, under the root keys every Bot Framework bot uses (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c>), so an Azure Bot's usual settings work unchanged.
/// Without an app id the bot accepts anonymous callers, and only in Development (the local Teams simulator).
/// </summary>
public sealed class BotCredentialsOptions
{
    /// <summary><c>MicrosoftAppId</c>: the Entra application (client) id; inbound tokens must be addressed to it.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary><c>MicrosoftAppPassword</c>: the client secret used to get outbound tokens (not for managed identity).</summary>
    public string? MicrosoftAppPassword { get; set; }

    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary><c>MicrosoftAppTenantId</c>: the bot's tenant; required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>No app id: inbound authentication is off and outbound calls carry no token (Development only).</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
