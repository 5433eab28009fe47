using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using Microsoft.Data.Sqlite;

namespace JobSheetQA.Bot.Tests.Hosting;

/// <summary>
/// The README's quickstart as a newcomer meets it: the whole host with no settings of its own (Development, no app id,
/// the in-process GitHub sandbox, SQLite in a data folder), <c>promote staging</c> posted to <c>/api/messages</c> as the
/// local Teams simulator would, replies caught by a Bot Connector double; then a restart on the same data folder.
/// </summary>
public sealed class ReadmeQuickstartTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string contentRoot = Directory.CreateTempSubdirectory("jobsheetqa-readme-").FullName;
    private BotFrameworkRig rig = null!;

    public async Task InitializeAsync() => rig = await BotFrameworkRig.StartAsync();

    public async Task DisposeAsync()
    {
        await rig.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(contentRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Promote_staging_from_the_simulator_succeeds_and_history_keeps_it_after_a_restart()
    {
        // Tracking:PollInterval is the only setting changed: the default 10 s poll would make this test wait a minute.
        var settings = new Dictionary<string, string?> { ["Tracking:PollInterval"] = "00:00:01" };
        string promotionId;
        await using (var bot = ChatTestHost.Restart(contentRoot, new TestChannel(), settings))
        {
            using var client = bot.CreateClient();
            Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

            using (var response = await PostAsync(client, "promote staging"))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            promotionId = PromotionIdIn(await WaitForReplyAsync(r => r.Contains("Dispatched", StringComparison.Ordinal)));

            var store = bot.Get<PromotionStore>();
            var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
            PromotionEntity? promotion;
            while ((promotion = await store.FindAsync(promotionId))?.State is not PromotionState.Succeeded)
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, $"promotion {promotionId} is {promotion?.State}, not Succeeded, after 90 s");
                await Task.Delay(200);
            }

            Assert.Equal("staging", promotion.Environment);
        }

        Assert.True(File.Exists(Path.Combine(contentRoot, "data", "jobsheetqa.db")), "the bot's SQLite file is in the content root's data folder");

        rig.ClearRecords();
        await using (var restarted = ChatTestHost.Restart(contentRoot, new TestChannel(), settings))
        {
            using var client = restarted.CreateClient();
            using (var response = await PostAsync(client, "history"))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var history = await WaitForReplyAsync(r => r.Contains(promotionId, StringComparison.Ordinal));
            Assert.Contains("staging", history, StringComparison.Ordinal);
            Assert.Contains("succeeded", history, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_promotion_in_flight_when_the_bot_stops_finishes_after_it_starts_again()
    {
        var settings = new Dictionary<string, string?> { ["Tracking:PollInterval"] = "00:00:01" };
        string promotionId;
        long runId;
        await using (var bot = ChatTestHost.Restart(contentRoot, new TestChannel(), settings))
        {
            using var client = bot.CreateClient();
            using (var response = await PostAsync(client, "promote staging"))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            promotionId = PromotionIdIn(await WaitForReplyAsync(r => r.Contains("Dispatched", StringComparison.Ordinal)));
            var dispatched = (await bot.Get<PromotionStore>().FindAsync(promotionId))!;
            // The sandbox's run takes seven 2 s steps; the bot stops long before the end.
            Assert.True(dispatched.State is PromotionState.Dispatched or PromotionState.Running, $"promotion is {dispatched.State} before the stop");
            runId = dispatched.RunId!.Value;
        }

        rig.ClearRecords();
        await using (var restarted = ChatTestHost.Restart(contentRoot, new TestChannel(), settings))
        {
            var store = restarted.Get<PromotionStore>();
            var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
            PromotionEntity? promotion;
            while ((promotion = await store.FindAsync(promotionId))?.State is not PromotionState.Succeeded)
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, $"promotion {promotionId} is {promotion?.State}, not Succeeded, 90 s after the restart");
                await Task.Delay(200);
            }

            Assert.Equal(runId, promotion.RunId);
            await WaitForReplyAsync(r => r.Contains(promotionId, StringComparison.Ordinal) && r.Contains("succeeded", StringComparison.Ordinal));

            // The environment lock went with the finished promotion, and the sandbox hands out a new run id.
            using var client = restarted.CreateClient();
            using (var response = await PostAsync(client, "promote staging"))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var next = PromotionIdIn(await WaitForReplyAsync(r => r.Contains("Dispatched", StringComparison.Ordinal)));
            Assert.NotEqual(promotionId, next);
            Assert.NotEqual(runId, (await store.FindAsync(next))!.RunId);
        }
    }

    private static string PromotionIdIn(string reply)
    {
        var id = System.Text.RegularExpressions.Regex.Match(reply, @"promotion `([a-z0-9]+)`").Groups[1].Value;
        Assert.NotEmpty(id);
        return id;
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string text) =>
        client.PostAsync(
            new Uri(TeamsEndpoints.Path, UriKind.Relative),
            new StringContent(TestActivities.Message(rig.ServiceUrl, text).ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>The first activity the bot sent to the Bot Connector double that matches, as JSON text (cards included).</summary>
    private async Task<string> WaitForReplyAsync(Func<string, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = rig.Activities.Select(a => a.Body!.ToJsonString(Readable)).FirstOrDefault(match);
            if (found is not null)
                return found;
            Assert.True(DateTimeOffset.UtcNow < deadline, "no matching reply; the bot sent: " + string.Join("\n", rig.Activities.Select(a => a.Body!.ToJsonString(Readable))));
            await Task.Delay(100);
        }
    }
}
