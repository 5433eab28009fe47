using System.Net;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>
/// docs/protocol-conformance.md C1.1–C1.7: every way a Bot Framework or Entra token can be wrong gets 401 and never reaches
/// the bot; the right token gets 200. Tokens are signed with test keys the rig publishes as OpenID metadata on 127.0.0.1.
/// The bot has the default Teams:AcceptAgentTokens=false; Entra tokens it accepts with it on are in <see cref="EntraAgentTokenTests"/>.
/// </summary>
public sealed class InboundAuthenticationTests(TeamsBotFixture bot) : IClassFixture<TeamsBotFixture>
{
    private BotFrameworkRig Rig => bot.Rig;

    private TestSigningKey Key => Rig.BotFrameworkKeys[0];

    private string Valid() => TestTokens.BotFramework(Key, Rig.ServiceUrl);

    [Fact]
    public Task A_valid_Bot_Framework_token_is_accepted() => bot.AssertAcceptedAsync(bot.NewMessage(), "Bearer " + Valid());

    // C1.1
    [Fact]
    public Task Missing_Authorization_is_refused() => bot.AssertRefusedAsync(bot.NewMessage(), null);

    [Theory]
    [InlineData("Basic {0}")]
    [InlineData("bearer {0}")]
    [InlineData("Bearer {0} extra")]
    [InlineData("Bearer")]
    [InlineData("{0}")]
    public Task Authorization_that_is_not_exactly_Bearer_and_a_token_is_refused(string format) =>
        bot.AssertRefusedAsync(bot.NewMessage(), string.Format(format, Valid()));

    [Fact]
    public Task A_bearer_value_that_is_not_a_JWT_is_refused() => bot.AssertRefusedAsync(bot.NewMessage(), "Bearer not-a-jwt");

    // C1.2
    [Fact]
    public Task A_bad_signature_is_refused() => bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Tampered(Valid()));

    [Fact]
    public Task A_token_signed_by_an_unpublished_key_is_refused()
    {
        var stranger = TestSigningKey.Create("not-published", ["msteams"]);
        return bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(stranger, Rig.ServiceUrl));
    }

    [Fact]
    public Task An_unsigned_token_is_refused() => bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Unsigned(Key.Kid, Rig.ServiceUrl));

    [Fact]
    public Task An_HS256_token_naming_a_published_key_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Hs256(Key.Kid, Rig.ServiceUrl));

    // C1.3
    [Fact]
    public Task A_token_expired_more_than_five_minutes_ago_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-6)));

    [Fact]
    public Task A_token_not_valid_for_more_than_five_minutes_yet_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl, notBeforeIn: TimeSpan.FromMinutes(6)));

    [Fact]
    public Task A_token_expired_within_the_skew_is_accepted() =>
        bot.AssertAcceptedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-4)));

    [Fact]
    public Task A_token_valid_within_the_skew_from_now_is_accepted() =>
        bot.AssertAcceptedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl, notBeforeIn: TimeSpan.FromMinutes(4)));

    // C1.4
    [Fact]
    public Task A_wrong_issuer_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl, issuer: "https://api.botframework.com.evil.example"));

    [Fact]
    public Task A_wrong_audience_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl, audience: Guid.NewGuid().ToString()));

    // C1.5
    [Fact]
    public Task A_token_without_a_serviceurl_claim_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl, includeServiceUrl: false));

    [Fact]
    public Task A_serviceurl_claim_for_another_service_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, "https://smba.trafficmanager.net/emea/"));

    [Fact]
    public Task The_serviceurl_claim_is_compared_ignoring_case() =>
        bot.AssertAcceptedAsync(bot.NewMessage(), "Bearer " + TestTokens.BotFramework(Key, Rig.ServiceUrl.ToUpperInvariant().Replace("HTTP://", "http://")));

    // C1.6 (a key endorsed for msteams only, on a channel the bot allows, is in ChannelPinningTests)
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public Task An_empty_or_missing_channel_id_is_refused_before_any_endorsement_check(string? channelId)
    {
        var message = bot.NewMessage();
        if (channelId is null)
            message.Remove("channelId");
        else
            message["channelId"] = channelId;
        return bot.AssertRefusedAsync(message, "Bearer " + Valid());
    }

    // C1.7: by default (Teams:AcceptAgentTokens=false) an Entra token minted with the bot's own app id is refused; with it
    // on, EntraAgentTokenTests.
    [Theory]
    [InlineData("1.0", "appid")]
    [InlineData("2.0", "azp")]
    public Task An_Entra_token_minted_with_this_bots_own_app_id_is_refused_by_default(string version, string appClaim) =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.EntraAgent(Rig.EntraKeys[0], EntraTenant, version, appClaim));

    [Fact]
    public Task An_Entra_token_minted_with_this_bots_own_app_id_in_the_bots_own_tenant_is_refused_by_default() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.EntraKeys[0], TestTokens.TenantId, new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
            ["tid"] = TestTokens.TenantId,
        }));

    [Fact]
    public Task An_Entra_token_for_another_app_is_refused() =>
        bot.AssertRefusedAsync(bot.NewMessage(), "Bearer " + TestTokens.Entra(Rig.EntraKeys[0], EntraTenant, new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["appid"] = Guid.NewGuid().ToString(),
            ["tid"] = EntraTenant,
        }));

    [Fact]
    public async Task A_refused_request_says_nothing_about_why()
    {
        using var response = await bot.Host.PostAsync(bot.NewMessage(), "Bearer " + TestTokens.Tampered(Valid()));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    private const string EntraTenant = AgentTokensBotFixture.EntraTenant;
}
