using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>Runs on SQLite and on PostgreSQL (<see cref="OnSqlite"/>, <see cref="OnPostgreSql"/>).</summary>
public abstract class EnvironmentLockTranscripts : TranscriptTest
{
    [Fact]
    public async Task A_second_requester_is_told_who_holds_the_environment_and_since_when()
    {
        var first = await Chat.SayAsync("dana", "promote staging skip parity");
        var holder = PromotionIdIn(first);

        var bot = await Chat.SayAsync("erin", "promote staging");

        Assert.StartsWith("Denied: promote staging", bot, StringComparison.Ordinal);
        Assert.Matches($"DENY LOCK \\(bot policy\\): staging is locked by Dana since \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(promotion {holder}\\)", bot);
        Assert.Equal(PromotionState.Refused, (await PromotionAsync(PromotionIdIn(bot.Split("refused")[^2]))).State);
        Assert.Equal(holder, (await Chat.Get<PromotionLocks>().GetAsync("staging"))!.PromotionId);
        Assert.Empty(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task Twenty_requesters_at_once_dispatch_exactly_once_and_the_others_are_told_who_holds_staging()
    {
        var users = Enumerable.Range(1, 20).Select(i => $"user{i:00}").ToList();

        var answers = await Task.WhenAll(users.Select(user => Task.Run(() => Chat.SayAsync(user, "promote staging"))));

        var run = Assert.Single(await GitHub.RunsAsync());
        var dispatched = Assert.Single(answers, a => a.StartsWith("**Dispatched**", StringComparison.Ordinal));
        var winner = users[Array.IndexOf(answers, dispatched)];
        var holderName = char.ToUpperInvariant(winner[0]) + winner[1..];
        var refused = answers.Where(a => a != dispatched).ToList();
        Assert.Equal(19, refused.Count);
        Assert.All(refused, answer => Assert.Matches($"staging is (held|locked) by {holderName} since \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", answer));
        Assert.Equal(PromotionIdIn(dispatched), run.Inputs["correlation_id"]);

        var promotions = await Chat.Get<PromotionStore>().RecentAsync("staging", 50);
        Assert.Equal(20, promotions.Count);
        Assert.Single(promotions, p => p.State == PromotionState.Dispatched);
        Assert.Equal(19, promotions.Count(p => p.State == PromotionState.Refused));
    }

    public sealed class OnSqlite : EnvironmentLockTranscripts
    {
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : EnvironmentLockTranscripts
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => TranscriptStorage.PostgreSqlAsync(cluster);
    }
}
