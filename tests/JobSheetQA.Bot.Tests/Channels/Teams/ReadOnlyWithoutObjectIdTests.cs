using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Channels.Support;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.Rules.Decisions;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>
/// Issue #14, end to end through <c>/api/messages</c> with signed tokens: on Teams a person is
/// <c>teams:&lt;aadObjectId&gt;</c> and nothing else. policy.yaml lists Dana by her Entra object id; an activity that
/// carries her name, channel user id and e-mail but no <c>aadObjectId</c> may only read, and the same activity with her
/// object id may promote.
/// </summary>
public sealed class ReadOnlyWithoutObjectIdTests : IAsyncLifetime
{
    private const string DanaEmail = "dana.okafor@example.com";

    private readonly string policyFile = Path.Combine(Path.GetTempPath(), $"jobsheetqa-policy-{Guid.NewGuid():N}.yaml");
    private readonly RecordingRunTrackingScheduler tracking = new();
    private BotFrameworkRig rig = null!;
    private TeamsTestHost host = null!;
    private SandboxControlClient gitHub = null!;

    public async Task InitializeAsync()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
        Assert.Contains("requesters: []", shipped, StringComparison.Ordinal);
        await File.WriteAllTextAsync(policyFile,
            shipped.Replace("requesters: []", $"requesters: [\"teams:{TestActivities.UserAadObjectId}\"]", StringComparison.Ordinal));
        rig = await BotFrameworkRig.StartAsync();
        host = TeamsTestHost.Start(rig, new Dictionary<string, string?> { ["Policy:File"] = policyFile },
            configureServices: services => services.AddSingleton<IRunTrackingScheduler>(tracking));
        gitHub = new SandboxControlClient(host.Services);
    }

    public async Task DisposeAsync()
    {
        gitHub.Dispose();
        await host.DisposeAsync();
        await rig.DisposeAsync();
        File.Delete(policyFile);
    }

    /// <summary>A message from Dana as the client wrote it: her channel user id, name and e-mail, and her object id only if given.</summary>
    private JsonObject FromDana(string text, string? aadObjectId)
    {
        var activity = TestActivities.Message(rig.ServiceUrl, text);
        var from = new JsonObject { ["id"] = TestActivities.UserId, ["name"] = "Dana Okafor", ["email"] = DanaEmail, ["userPrincipalName"] = DanaEmail };
        if (aadObjectId is not null)
            from["aadObjectId"] = aadObjectId;
        activity["from"] = from;
        return activity;
    }

    /// <summary>Posts the activity signed and returns every string of the bot's replies to it on the Bot Connector.</summary>
    private async Task<string> SayAsync(string text, string? aadObjectId)
    {
        var activity = FromDana(text, aadObjectId);
        using var response = await host.PostSignedAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = rig.ConnectorRequests.Where(r => r.Body is not null && r.RawTarget.EndsWith("/activities/" + activity["id"]!.GetValue<string>(), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(replies);
        return string.Join('\n', replies.Select(r => ChannelAnswer.From(r.Body!, formId: null).Text));
    }

    [Fact]
    public async Task Without_an_object_id_the_listed_requesters_name_and_email_may_read_but_not_promote()
    {
        Assert.Contains("Commands:", await SayAsync("help", aadObjectId: null), StringComparison.Ordinal);
        var whoami = await SayAsync("whoami", aadObjectId: null);
        Assert.Contains($"teams:{TestActivities.UserId}", whoami, StringComparison.Ordinal);
        Assert.Contains("no: teams gave no stable user id, so you can only read", whoami, StringComparison.Ordinal);
        Assert.Contains("no: not vouched for (read-only; ACCESS)", whoami, StringComparison.Ordinal);
        Assert.Contains("(not provided by the channel)", whoami, StringComparison.Ordinal);
        Assert.DoesNotContain(DanaEmail, whoami, StringComparison.Ordinal);
        Assert.Contains("**staging**: free", await SayAsync("status", aadObjectId: null), StringComparison.Ordinal);
        Assert.Contains("promote staging: `environments[staging].requesters`: 1 person listed", await SayAsync("policy", aadObjectId: null), StringComparison.Ordinal);

        var promote = await SayAsync("promote staging", aadObjectId: null);

        Assert.Contains("Denied: promote staging", promote, StringComparison.Ordinal);
        Assert.Contains("ACCESS", promote, StringComparison.Ordinal);
        Assert.Contains("teams did not vouch for who sent this (no stable user id), so it may only read", promote, StringComparison.Ordinal);
        Assert.Empty(await gitHub.RunsAsync());
        Assert.Empty(tracking.Requests);
        // The decision is kept as a refused promotion of the sender as Teams named them, with nothing dispatched.
        var refused = Assert.Single(await host.Get<PromotionStore>().RecentAsync("staging", 10));
        Assert.Equal((PromotionState.Refused, Verdict.Deny), (refused.State, refused.DecisionVerdict));
        Assert.Equal(("teams", TestActivities.UserId, null), (refused.RequesterChannel, refused.RequesterUserId, refused.RequesterEmail));
        Assert.Null(refused.RunId);
        Assert.Null(refused.DispatchedAt);
    }

    [Fact]
    public async Task With_the_requesters_object_id_the_same_message_promotes_staging()
    {
        var promote = await SayAsync("promote staging", TestActivities.UserAadObjectId);

        Assert.Contains("Dispatched", promote, StringComparison.Ordinal);
        Assert.Equal("staging", Assert.Single(await gitHub.RunsAsync()).Inputs["target_environment"]);
        var promotion = Assert.Single(await host.Get<PromotionStore>().RecentAsync("staging", 10));
        Assert.Equal(PromotionState.Dispatched, promotion.State);
        Assert.Equal(("teams", TestActivities.UserAadObjectId), (promotion.RequesterChannel, promotion.RequesterUserId));
        Assert.Equal([promotion.Id], tracking.Requests);
    }
}
