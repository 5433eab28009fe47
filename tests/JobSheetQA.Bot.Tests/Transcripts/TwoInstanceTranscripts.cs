using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>
/// Scale-out (docs/architecture.md, "Scale-out"): two whole bot instances behind one chat, sharing one PostgreSQL database (the bot's data and
/// Hangfire's) and one GitHub. People typing at once on either instance get one dispatch, and what tracking posts
/// afterwards is posted once, whichever instance's worker picks the job up.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceTranscripts(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TestChannel channel = new();
    private readonly List<string> folders = [];
    private TrackingBed bed = null!;
    private ChatTestHost a = null!;
    private ChatTestHost b = null!;

    public async Task InitializeAsync()
    {
        bed = await TrackingBed.StartAsync(stepDelay: TimeSpan.FromMilliseconds(300));
        var settings = bed.Settings(await TranscriptStorage.PostgreSqlAsync(cluster));
        a = ChatTestHost.Restart(Folder("a"), channel, settings);
        b = ChatTestHost.Restart(Folder("b"), channel, settings);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await bed.DisposeAsync();
        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Twenty_requesters_on_two_instances_dispatch_once_and_every_gate_and_the_outcome_are_posted_once()
    {
        // (in release-ops, via instance b) sam: subscribe all
        Assert.StartsWith("Subscribed", await b.SayAsync("sam", "subscribe all", "release-ops"), StringComparison.Ordinal);

        // user01 … user20: promote staging, all at once, every other one on the other instance.
        var users = Enumerable.Range(1, 20).Select(i => $"user{i:00}").ToList();
        using var start = new ManualResetEventSlim(false);
        var typing = users.Select((user, i) => Task.Run(async () =>
        {
            start.Wait();
            return await (i % 2 == 0 ? a : b).SayAsync(user, "promote staging");
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(typing);

        var run = Assert.Single(bed.Control.ListRuns());
        var dispatched = Assert.Single(answers, x => x.StartsWith("**Dispatched** promote staging", StringComparison.Ordinal));
        var id = TranscriptTest.PromotionIdIn(dispatched);
        Assert.Equal(id, run.Inputs["correlation_id"]);
        var holder = ChatTestHost.User(users[Array.IndexOf(answers, dispatched)]).DisplayName;
        var refusals = answers.Where(x => x != dispatched).ToList();
        Assert.Equal(19, refusals.Count);
        Assert.All(refusals, refusal => Assert.Matches($"staging is (held|locked) by {holder} since \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", refusal));

        // Tracking (whichever instance's Hangfire worker runs it) follows the run to the end.
        await channel.WaitForMessageAsync(m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains($"({id},", StringComparison.Ordinal) && m.Text.Contains("succeeded", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45), "release-ops");
        await channel.WaitForMessageAsync(m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains($"({id},", StringComparison.Ordinal) && m.Text.Contains("succeeded", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45), "general");
        await TrackingBed.WaitForPromotionAsync(a, id, p => p.State == PromotionState.Succeeded);
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a late duplicate from either instance to show up

        var card = Assert.Single(TrackingBed.StatusCards(channel, "general"));
        Assert.All(Assert.IsType<StatusCardBlock>(card.Reply.Blocks[0]).Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        Assert.Single(TrackingBed.TextMessages(channel, "general", "succeeded: every gate passed"));
        Assert.Single(TrackingBed.TextMessages(channel, "release-ops", "succeeded: every gate passed"));
        Assert.Equal(3, channel.Messages().Count); // the card (updated in place) and the outcome in general, the outcome in release-ops
        Assert.Single(channel.Messages("release-ops"));

        // The outbound_posts table agrees: every post the channel received (each card version, each outcome) has exactly one
        // row, all completed; a version posted by both instances would show as one row and two posts.
        var versions = channel.Posts.Count(p => p.MessageId == card.MessageId);
        await using var db = await a.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var rows = await db.OutboundPosts.AsNoTracking().ToListAsync();
        Assert.All(rows, r => Assert.NotNull(r.PostedAt));
        var posts = rows.Where(r => !r.IdempotencyKey.StartsWith("message:", StringComparison.Ordinal)).ToList();
        Assert.Equal(channel.Posts.Count, posts.Count);
        Assert.Equal(versions, posts.Count(r => r.Kind == "status-card"));
        Assert.Equal(2, posts.Count(r => r.Kind == "outcome"));
        Assert.All(posts, r => Assert.Equal(id, r.PromotionId));
    }

    private string Folder(string name)
    {
        var folder = Directory.CreateTempSubdirectory($"jobsheetqa-{name}-").FullName;
        folders.Add(folder);
        return folder;
    }
}
