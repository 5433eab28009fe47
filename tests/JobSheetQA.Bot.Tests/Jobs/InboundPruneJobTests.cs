using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>The daily prune keeps a week of inbound ids (every platform's redelivery window) and forgets the rest.</summary>
public abstract class InboundPruneJobTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task Ids_older_than_the_retention_are_forgotten_and_recent_ones_kept()
    {
        var inbound = Get<InboundDeduplicator>();
        await inbound.TryMarkProcessedAsync("slack", "event:last-month", Now.AddDays(-30));
        await inbound.TryMarkProcessedAsync("github", "delivery:eight-days", Now - InboundPruneJob.Retention - TimeSpan.FromDays(1));
        await inbound.TryMarkProcessedAsync("teams", "six-days", Now - InboundPruneJob.Retention + TimeSpan.FromDays(1));
        await inbound.TryMarkProcessedAsync("slack", "event:just-now", Now.AddMinutes(-2));

        await new InboundPruneJob(inbound, Get<InboundTurnStore>(), new FakeTimeProvider(Now), NullLogger<InboundPruneJob>.Instance).RunAsync(CancellationToken.None);

        await using var db = Storage.CreateContext();
        var kept = await db.ProcessedInbound.Select(p => p.InboundId).OrderBy(id => id).ToListAsync();
        Assert.Equal(["event:just-now", "six-days"], kept);
    }

    [Fact]
    public void The_retention_outlasts_every_platforms_redelivery_window() =>
        // GitHub lets a delivery be redelivered for 3 days, the longest of the platforms the bot hears from.
        Assert.True(InboundPruneJob.Retention >= TimeSpan.FromDays(3));

    public sealed class OnSqlite() : InboundPruneJobTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : InboundPruneJobTests(cluster);
}
