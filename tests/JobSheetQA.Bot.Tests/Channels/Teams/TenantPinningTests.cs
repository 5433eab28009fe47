using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>
/// docs/protocol-conformance.md C1.16: with <c>Teams:AllowedTenants</c> set, an activity whose
/// <c>channelData.tenant.id</c> or <c>conversation.tenantId</c> is not on it, that names no tenant, or whose token has a
/// <c>tid</c> not on it gets 401. The list is required outside Development when an app id is set; in Development,
/// left out, any tenant is accepted.
/// </summary>
public sealed class TenantPinningTests : IAsyncLifetime
{
    private const string OtherTenant = "0c0ffee0-1111-4222-8333-444455556666";

    private BotFrameworkRig rig = null!;

    public async Task InitializeAsync() => rig = await BotFrameworkRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private JsonObject Message() => TestActivities.Message(rig.ServiceUrl, "hello tenant");

    private string Token() => "Bearer " + TestTokens.BotFramework(rig.BotFrameworkKeys[0], rig.ServiceUrl);

    private static async Task AssertStatusAsync(TeamsTestHost host, JsonObject activity, string? authorization, HttpStatusCode expected)
    {
        using var response = await host.PostAsync(activity, authorization);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, host.Handlers.Seen.Any(m => m.InboundId == activity["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_allowed_tenant_is_accepted_and_another_tenant_in_channelData_is_refused()
    {
        await using var host = TeamsTestHost.Start(rig, TeamsTestHost.PinnedToTestTenant);
        await AssertStatusAsync(host, Message(), Token(), HttpStatusCode.OK);

        var other = Message();
        other["channelData"]!["tenant"]!["id"] = OtherTenant;
        await AssertStatusAsync(host, other, Token(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_tenant_in_the_conversation_is_refused()
    {
        await using var host = TeamsTestHost.Start(rig, TeamsTestHost.PinnedToTestTenant);
        var other = Message();
        other["conversation"]!["tenantId"] = OtherTenant;

        await AssertStatusAsync(host, other, Token(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_activity_that_names_no_tenant_is_refused()
    {
        await using var host = TeamsTestHost.Start(rig, TeamsTestHost.PinnedToTestTenant);
        var none = Message();
        none.Remove("channelData");
        none["conversation"]!.AsObject().Remove("tenantId");

        await AssertStatusAsync(host, none, Token(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tenant_ids_are_compared_ignoring_case()
    {
        await using var host = TeamsTestHost.Start(rig, TeamsTestHost.PinnedToTestTenant);
        var upper = Message();
        upper["channelData"]!["tenant"]!["id"] = TestTokens.TenantId.ToUpperInvariant();

        await AssertStatusAsync(host, upper, Token(), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_whose_tid_is_another_tenant_is_refused()
    {
        await using var host = TeamsTestHost.Start(rig, TeamsTestHost.PinnedToTestTenant);
        string TokenFor(string tenant) => "Bearer " + TestTokens.Sign(rig.BotFrameworkKeys[0], TestTokens.BotFrameworkIssuer, TestTokens.AppId,
            new Dictionary<string, object> { ["serviceurl"] = rig.ServiceUrl, ["tid"] = tenant }, null, null);

        await AssertStatusAsync(host, Message(), TokenFor(OtherTenant), HttpStatusCode.Unauthorized);
        await AssertStatusAsync(host, Message(), TokenFor(TestTokens.TenantId), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_tenant_is_pinned_in_anonymous_Development_too()
    {
        var settings = TeamsTestHost.PinnedToTestTenant;
        settings["MicrosoftAppId"] = "";
        settings["MicrosoftAppPassword"] = "";
        await using var host = TeamsTestHost.Start(rig, settings);
        var other = Message();
        other["channelData"]!["tenant"]!["id"] = OtherTenant;

        await AssertStatusAsync(host, other, null, HttpStatusCode.Unauthorized);
        await AssertStatusAsync(host, Message(), null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task In_Development_without_the_list_any_tenant_is_accepted()
    {
        await using var host = TeamsTestHost.Start(rig);
        var other = Message();
        other["channelData"]!["tenant"]!["id"] = OtherTenant;
        other["conversation"]!["tenantId"] = OtherTenant;

        await AssertStatusAsync(host, other, Token(), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void With_an_app_id_outside_Development_start_up_fails_without_the_list_naming_the_key(string environment)
    {
        var exception = Assert.ThrowsAny<Exception>(() => TeamsTestHost.Start(rig, environment: environment));

        var validation = ExceptionChain.Find<OptionsValidationException>(exception);
        Assert.Contains("Teams:AllowedTenants must list the Entra tenant ids", validation.Message, StringComparison.Ordinal);
        Assert.Contains(environment, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_that_is_not_a_GUID_fails_start_up_naming_the_key()
    {
        var exception = Assert.ThrowsAny<Exception>(() => TeamsTestHost.Start(rig, new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = "contoso.onmicrosoft.com" }));

        Assert.Contains("Teams:AllowedTenants:0 must be an Entra tenant id", ExceptionChain.Find<OptionsValidationException>(exception).Message, StringComparison.Ordinal);
    }
}
