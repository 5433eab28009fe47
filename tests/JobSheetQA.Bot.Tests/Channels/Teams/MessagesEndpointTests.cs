using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>docs/protocol-conformance.md C1.9–C1.10: what <c>/api/messages</c> answers for bodies, methods, sizes and invokes.</summary>
public sealed class MessagesEndpointTests(TeamsBotFixture bot) : IClassFixture<TeamsBotFixture>
{
    private string Token => "Bearer " + TestTokens.BotFramework(bot.Rig.BotFrameworkKeys[0], bot.Rig.ServiceUrl);

    private async Task<HttpResponseMessage> PostRawAsync(string body, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? Token);
        return await bot.Host.SendRawAsync(request);
    }

    // C1.9
    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\",\"from\":\"not an object\"}")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_activity_is_a_bad_request(string body)
    {
        using var response = await PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // The endpoint still works afterwards.
        using var next = await bot.Host.PostSignedAsync(bot.NewMessage());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_are_not_allowed(string method)
    {
        using var response = await bot.Host.SendRawAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_before_it_is_read()
    {
        var activity = bot.NewMessage(new string('x', 300 * 1024));
        using var response = await bot.Host.PostSignedAsync(activity);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(bot.BotSaw(activity));
    }

    [Fact]
    public async Task A_message_is_answered_with_an_empty_200_and_the_reply_goes_through_the_connector()
    {
        var activity = bot.NewMessage("hello there");
        using var response = await bot.Host.PostSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var id = activity["id"]!.GetValue<string>();
        var reply = Assert.Single(bot.Rig.ConnectorRequests, r => r.RawTarget.EndsWith($"/activities/{id}", StringComparison.Ordinal));
        Assert.Equal("POST", reply.Method);
        Assert.Contains("help", reply.Body!["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TestActivities.BotId, reply.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(TestActivities.UserId, reply.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(id, reply.Body["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_activity_types_are_acknowledged_and_ignored()
    {
        var activity = TestActivities.Base("messageReaction", bot.Rig.ServiceUrl);
        using var response = await bot.Host.PostSignedAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(bot.BotSaw(activity));
    }

    [Fact]
    public async Task A_repeated_activity_is_answered_once()
    {
        var activity = bot.NewMessage("say it once");
        using var first = await bot.Host.PostSignedAsync(activity);
        using var second = await bot.Host.PostSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = activity["id"]!.GetValue<string>();
        Assert.Single(bot.Rig.ConnectorRequests, r => r.RawTarget.EndsWith($"/activities/{id}", StringComparison.Ordinal));
    }

    // C1.10
    [Fact]
    public async Task Action_Execute_is_a_form_submission_answered_in_the_invoke_response()
    {
        var invoke = TestActivities.Execute(bot.Rig.ServiceUrl, new JsonObject
        {
            ["formId"] = TestCardHandlers.FormId,
            ["phrase"] = "I_ACCEPT_PARITY_SKIP",
            ["smoke"] = "true",
        });
        using var response = await bot.Host.PostSignedAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("form test-form from Dana Okafor: phrase=I_ACCEPT_PARITY_SKIP, smoke=true", body["value"]!.GetValue<string>());

        var seen = Assert.Single(bot.Host.Handlers.Seen, m => m.InboundId == invoke["id"]!.GetValue<string>());
        Assert.Equal(TestCardHandlers.FormId, seen.Form!.FormId);
        Assert.True(seen.Form.IsChecked("smoke"));
    }

    [Fact]
    public async Task Action_Submit_sent_as_an_invoke_is_not_supported()
    {
        var invoke = TestActivities.Execute(bot.Rig.ServiceUrl, new JsonObject { ["formId"] = TestCardHandlers.FormId }, actionType: "Action.Submit");
        using var response = await bot.Host.PostSignedAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("NotSupported", body["value"]!["code"]!.GetValue<string>());
        Assert.False(bot.BotSaw(invoke));
    }

    [Fact]
    public async Task An_automatic_refresh_runs_nothing()
    {
        var invoke = TestActivities.Execute(bot.Rig.ServiceUrl, new JsonObject { ["formId"] = TestCardHandlers.FormId }, trigger: "automatic");
        using var response = await bot.Host.PostSignedAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(bot.BotSaw(invoke));
    }

    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData("task/fetch")]
    [InlineData("signin/verifyState")]
    public async Task Unknown_invokes_are_not_implemented(string name)
    {
        using var response = await bot.Host.PostSignedAsync(TestActivities.Invoke(bot.Rig.ServiceUrl, name, new JsonObject()));
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_invoke_is_authenticated_like_any_activity()
    {
        var invoke = TestActivities.Execute(bot.Rig.ServiceUrl, new JsonObject { ["formId"] = TestCardHandlers.FormId });
        using var response = await bot.Host.PostAsync(invoke, null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(bot.BotSaw(invoke));
    }
}
