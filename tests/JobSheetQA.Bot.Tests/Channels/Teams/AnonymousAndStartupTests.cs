using System.Net;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>docs/protocol-conformance.md C1.8 and C1.2: anonymous callers only without an app id in Development; signing
/// keys refreshed on rotation.</summary>
public sealed class AnonymousAndStartupTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoAppId = new() { ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "" };

    private BotFrameworkRig rig = null!;

    public async Task InitializeAsync() => rig = await BotFrameworkRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Without_an_app_id_Development_accepts_anonymous_callers_and_replies_without_a_token()
    {
        await using var host = TeamsTestHost.Start(rig, NoAppId);
        var message = TestActivities.Message(rig.ServiceUrl, "anyone there");

        using var response = await host.PostAsync(message, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await rig.WaitForRequestsAsync(1));
        Assert.Null(reply.Authorization);
        Assert.Empty(rig.TokenRequests);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Without_an_app_id_any_other_environment_does_not_start(string environment)
    {
        var exception = Assert.ThrowsAny<Exception>(() => TeamsTestHost.Start(rig, NoAppId, environment));
        var validation = Assert.IsType<OptionsValidationException>(ExceptionChain.Find<OptionsValidationException>(exception));
        Assert.Contains("MicrosoftAppId is not set", validation.Message);
        Assert.Contains(environment, validation.Message);
    }

    [Fact]
    public async Task With_an_app_id_Production_starts_and_requires_tokens()
    {
        await using var host = TeamsTestHost.Start(rig, TeamsTestHost.PinnedToTestTenant, environment: "Production");
        using var response = await host.PostAsync(TestActivities.Message(rig.ServiceUrl, "hi"), null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_one_refresh()
    {
        await using var host = TeamsTestHost.Start(rig);
        using (var first = await host.PostSignedAsync(TestActivities.Message(rig.ServiceUrl, "first")))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, rig.MetadataFetches);

        var rotated = TestSigningKey.Create("bf-key-2", ["msteams"]);
        rig.BotFrameworkKeys.Add(rotated);
        var message = TestActivities.Message(rig.ServiceUrl, "after rotation");
        using var response = await host.PostAsync(message, "Bearer " + TestTokens.BotFramework(rotated, rig.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, rig.MetadataFetches);
    }

    // C1.2: unknown kid → one refresh, then 401; more unknown kids within the hour fetch nothing more.
    [Fact]
    public async Task An_unknown_key_is_refused_after_one_refresh_and_does_not_hammer_the_metadata()
    {
        await using var host = TeamsTestHost.Start(rig);
        var stranger = TestSigningKey.Create("never-published", ["msteams"]);

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.PostAsync(TestActivities.Message(rig.ServiceUrl, "forged"), "Bearer " + TestTokens.BotFramework(stranger, rig.ServiceUrl));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(2, rig.MetadataFetches);
    }
}
