using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>The bot without an app id in Development (anonymous callers, as the simulator), its connector calls recorded.</summary>
public sealed class TeamsFuzzFixture : IAsyncLifetime
{
    public BotFrameworkRig Rig { get; private set; } = null!;

    public TeamsTestHost Host { get; private set; } = null!;

    internal CapturingLoggerProvider Logs { get; } = new();

    public OutboundRecorder Outbound { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Rig = await BotFrameworkRig.StartAsync();
        var rigAuthority = new Uri(Rig.ServiceUrl).Authority;
        Outbound = new OutboundRecorder(uri => uri.Authority == rigAuthority);
        Host = TeamsTestHost.Start(Rig, new Dictionary<string, string?> { ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "" }, configureServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddHttpClient(TeamsHttpClients.Connector).AddHttpMessageHandler(() => Outbound.CreateHandler());
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Rig.DisposeAsync();
    }

    /// <summary>Posts raw bytes to <c>/api/messages</c> (anonymous), with a time limit.</summary>
    public Task<HttpResponseMessage?> PostAsync(byte[] body, string? contentType = "application/json") =>
        FuzzAssert.SendAsync(cancellationToken =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.Path) { Content = new ByteArrayContent(body) };
            if (contentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return Host.SendRawAsync(request, cancellationToken);
        });

    /// <summary>True once the bot answered <c>help</c> with its command list, in reply to a new message.</summary>
    public async Task AssertAnswersHelpAsync()
    {
        var help = TestActivities.Message(Rig.ServiceUrl, "help");
        var id = help["id"]!.GetValue<string>();
        using var response = await PostAsync(Encoding.UTF8.GetBytes(help.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response?.StatusCode);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Rig.ConnectorRequests.Any(r => r.RawTarget.EndsWith("/" + id, StringComparison.Ordinal) && r.Body?.ToJsonString().Contains("promote", StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, "the bot did not answer help");
            await Task.Delay(50);
        }

        // Every fuzz turn handled (answered or given up) before the log is read.
        await Host.WaitForTurnsAsync(TimeSpan.FromSeconds(120));
    }
}

/// <summary>
/// Hostile but well-authenticated input on <c>POST /api/messages</c> (issue #15): the activities of the report, then a
/// seeded fuzz run (<see cref="FuzzSettings"/>). Malformed input gets 400 (an unknown invoke the protocol's 501), never
/// another 5xx, never an Error log line, never a call to an address the bot refuses; the bot answers <c>help</c> afterwards.
/// </summary>
public sealed class TeamsFuzzTests(TeamsFuzzFixture fixture, ITestOutputHelper output) : IClassFixture<TeamsFuzzFixture>
{
    public static TheoryData<string, string> Reported => new()
    {
        { "lone surrogate in a card submission", """{"formId":"test-form","phrase":"\ud800"}""" },
        { "lone surrogate in the command of a card submission", """{"command":"\udc00help"}""" },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public async Task A_card_submission_with_text_that_is_not_Unicode_is_a_400_not_a_500(string what, string value)
    {
        var submit = TestActivities.Submit(fixture.Rig.ServiceUrl, new JsonObject()).ToJsonString();
        var body = submit.Replace("\"value\":{}", "\"value\":" + value, StringComparison.Ordinal);

        using var response = await fixture.PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.True(response?.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response?.StatusCode}");
        Assert.Contains("not valid Unicode", await response!.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invalid_bytes_in_a_card_action_trigger_are_a_400()
    {
        var execute = Encoding.UTF8.GetBytes(TestActivities.Execute(fixture.Rig.ServiceUrl, new JsonObject { ["formId"] = "test-form" }, trigger: "TRIGGER").ToJsonString());
        var at = Encoding.UTF8.GetString(execute).IndexOf("TRIGGER", StringComparison.Ordinal);
        execute[at] = 0xFF;

        using var response = await fixture.PostAsync(execute);

        Assert.Equal(HttpStatusCode.BadRequest, response?.StatusCode);
    }

    [Theory]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    [InlineData("entities")]
    public async Task A_null_in_a_list_of_the_activity_is_skipped_not_dereferenced(string list)
    {
        var activity = list == "entities"
            ? TestActivities.Message(fixture.Rig.ServiceUrl, "hello rig")
            : TestActivities.Base("conversationUpdate", fixture.Rig.ServiceUrl);
        activity[list] = new JsonArray(null, new JsonObject { ["id"] = TestActivities.UserId });

        using var response = await fixture.PostAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response?.StatusCode);
    }

    [Fact]
    public async Task A_card_action_invoke_without_a_conversation_is_a_400_and_an_unknown_invoke_a_501()
    {
        var execute = TestActivities.Execute(fixture.Rig.ServiceUrl, new JsonObject { ["formId"] = "test-form" });
        execute.Remove("conversation");
        var unknown = TestActivities.Invoke(fixture.Rig.ServiceUrl, "composeExtension/query", new JsonObject());

        using var missing = await fixture.PostAsync(Encoding.UTF8.GetBytes(execute.ToJsonString()));
        using var notImplemented = await fixture.PostAsync(Encoding.UTF8.GetBytes(unknown.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, missing?.StatusCode);
        Assert.Contains("conversation.id", await missing!.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotImplemented, notImplemented?.StatusCode);
    }

    [Fact]
    public async Task Seeded_hostile_activities_get_no_5xx_no_error_log_and_no_call_to_a_refused_address()
    {
        var random = new Random(FuzzSettings.Seed);
        var mutator = new JsonMutator(random);
        var tally = new FuzzTally("teams");
        string[] contentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"];
        for (var i = 0; i < FuzzSettings.Cases; i++)
        {
            var seed = Seed(random.Next(9));
            var body = mutator.Mutate(seed, ["type", "name", "channelId"]);
            var contentType = random.Next(10) == 0 ? contentTypes[random.Next(contentTypes.Length)] : "application/json";
            using var response = await fixture.PostAsync(body.Bytes, contentType);
            tally.Add(i, response?.StatusCode, IsUnknownInvoke(body.Bytes), body.Mutations);
        }

        output.WriteLine(tally.ToString());
        await fixture.AssertAnswersHelpAsync();
        FuzzAssert.Clean(tally, fixture.Outbound, fixture.Logs);
    }

    private JsonObject Seed(int kind)
    {
        var serviceUrl = fixture.Rig.ServiceUrl;
        return kind switch
        {
            0 => TestActivities.Message(serviceUrl, "help"),
            1 => TestActivities.AddMention(TestActivities.Message(serviceUrl, "<at>JobSheetQA</at> whoami", TestActivities.ChannelThread), TestActivities.BotId, "JobSheetQA"),
            2 => TestActivities.Submit(serviceUrl, new JsonObject { ["formId"] = TestCardHandlers.FormId, ["phrase"] = "I_ACCEPT_PARITY_SKIP", ["smoke"] = "true" }),
            3 => TestActivities.Submit(serviceUrl, new JsonObject { ["command"] = "status" }),
            4 => TestActivities.Execute(serviceUrl, new JsonObject { ["formId"] = TestCardHandlers.FormId, ["phrase"] = "x" }),
            5 => TestActivities.Invoke(serviceUrl, "composeExtension/query", new JsonObject { ["commandId"] = "x" }),
            6 => TestActivities.BotAdded(serviceUrl, TestActivities.GroupConversation),
            7 => TestActivities.Installation(serviceUrl, "add", TestActivities.GroupConversation),
            _ => TestActivities.Base("messageReaction", serviceUrl),
        };
    }

    /// <summary>
    /// An invoke the bot does not implement gets the Bot Framework's 501 by protocol; anything else must not. Member names are
    /// matched as the bot reads them: ignoring case, the last of several winning.
    /// </summary>
    private static bool IsUnknownInvoke(byte[] body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && Member(document.RootElement, "type") == "invoke"
                && Member(document.RootElement, "name") != "adaptiveCard/action";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string? Member(System.Text.Json.JsonElement activity, string name) =>
        activity.EnumerateObject()
            .LastOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == System.Text.Json.JsonValueKind.String)
            .Value is { ValueKind: System.Text.Json.JsonValueKind.String } value ? value.GetString() : null;
}
