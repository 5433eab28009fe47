namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>Names of the Teams adapter's HTTP clients (tests give them handlers that trust their local doubles).</summary>
public static class TeamsHttpClients
{
    /// <summary>OpenID metadata and signing keys.</summary>
    public const string Metadata = "teams-openid-metadata";

    /// <summary>The Entra token endpoint (MSAL).</summary>
    public const string Token = "teams-token";

    /// <summary>The Bot Connector (<c>serviceUrl</c>).</summary>
    public const string Connector = "teams-connector";
}
