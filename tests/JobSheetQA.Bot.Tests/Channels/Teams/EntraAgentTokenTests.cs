using JobSheetQA.Bot.Tests.Channels.Teams.Support;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>
/// docs/protocol-conformance.md C1.7 with <c>Teams:AcceptAgentTokens=true</c>: an Entra token minted with the bot's own app
/// id (as the Bot Framework Emulator mints it) is accepted when version 1.0 names the bot in <c>appid</c> and 2.0 in
/// <c>azp</c>, its <c>tid</c> is its issuer's tenant and that tenant is on <c>Teams:AllowedTenants</c>; anything else is
/// 401. (With the default, false, the same tokens are refused: <see cref="InboundAuthenticationTests"/>.)
/// </summary>
public sealed class EntraAgentTokenTests(AgentTokensBotFixture bot) : IClassFixture<AgentTokensBotFixture>
{
    private const string EntraTenant = AgentTokensBotFixture.EntraTenant;

    private BotFrameworkRig Rig => bot.Rig;

    [Theory]
    [InlineData("1.0", "appid")]
    [InlineData("2.0", "azp")]
    public Task An_Entra_token_naming_this_bot_for_its_version_is_accepted(string version, string appClaim) =>
        bot.AssertAcceptedAsync(bot.NewMessage(), "Bearer " + TestTokens.EntraAgent(Rig.EntraKeys[0], EntraTenant, version, appClaim));

    [Theory]
    [InlineData("1.0", "azp")]
    [InlineData("2.0", "appid")]
    [InlineData("3.0", "appid")]
    [InlineData(null, "appid")]
    public Task An_Entra_token_without_the_app_claim_of_its_version_is_refused(string? version, string presentClaim)
    {
        var claims = new Dictionary<string, object> { [presentClaim] = TestTokens.AppId, ["tid"] = EntraTenant };
        if (version is not null)
            claims["ver"] = version;
        return bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.EntraKeys[0], EntraTenant, claims));
    }

    [Fact]
    public Task An_Entra_token_for_another_app_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.EntraKeys[0], EntraTenant, new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["appid"] = Guid.NewGuid().ToString(),
            ["tid"] = EntraTenant,
        }));

    [Fact]
    public Task An_Entra_token_whose_tid_differs_from_its_issuer_tenant_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.EntraKeys[0], EntraTenant, new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
            ["tid"] = "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        }));

    [Fact]
    public Task An_Entra_token_from_an_unknown_tenant_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.EntraKeys[0], TestTokens.TenantId, new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
            ["tid"] = TestTokens.TenantId,
        }));

    // Tenant pinning: a trusted issuer, but its tenant (the token's tid) is not on Teams:AllowedTenants.
    [Fact]
    public Task An_Entra_token_whose_tid_is_not_an_allowed_tenant_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.EntraKeys[0], "f8cdef31-a31e-4b4a-93e4-5f571e91255a", new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
            ["tid"] = "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        }));

    [Fact]
    public Task A_Bot_Framework_key_cannot_sign_an_Entra_token() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.BotFrameworkKeys[0], EntraTenant, new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
            ["tid"] = EntraTenant,
        }));

    [Fact]
    public Task A_Bot_Framework_token_is_still_accepted() =>
        bot.AssertAcceptedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Rig.BotFrameworkKeys[0], Rig.ServiceUrl));
}
