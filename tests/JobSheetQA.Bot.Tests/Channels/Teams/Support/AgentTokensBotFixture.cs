namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>
/// The same registered bot, but accepting Entra tokens minted with its own app id (<c>Teams:AcceptAgentTokens=true</c>), as
/// the Bot Framework Emulator sends them; pinned to the test tenant and the Bot Framework's first-party tenant that issues them.
/// </summary>
public sealed class AgentTokensBotFixture : TeamsBotFixture
{
    /// <summary>The Bot Framework's first-party tenant: emulator tokens of a multi-tenant bot come from it.</summary>
    public const string EntraTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Teams:AcceptAgentTokens"] = "true",
        ["Teams:AllowedTenants:0"] = TestTokens.TenantId,
        ["Teams:AllowedTenants:1"] = EntraTenant,
    };
}
