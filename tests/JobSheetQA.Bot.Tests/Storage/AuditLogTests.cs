using System.Text.Json;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Decisions;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class AuditLogTests(IStorageTestDatabase database) : StorageTests(database)
{
    private static readonly Decision Refusal = new(
        [new Finding("REQ-NO-PROD-SKIP", FindingOutcome.Deny, "Cannot skip parity for production", "§2.4, §5.5",
            [new KeyValuePair<string, string>("environment", "production")])],
        []);

    [Fact]
    public async Task Entries_are_appended_and_read_back_in_order_with_the_decisions_rule_ids()
    {
        var audit = Get<AuditLog>();
        await audit.AppendAsync(new AuditEntry(Now, new Actor("teams:user-alice", "Alice"), "promotion.requested", "k7m2q9xa", "production"));
        await audit.AppendAsync(new AuditEntry(Now.AddSeconds(1), Actor.Bot, "promotion.refused", "k7m2q9xa", "production", AuditDetails.ForDecision(Refusal)));
        await audit.AppendAsync(new AuditEntry(Now.AddSeconds(2), new Actor("teams:user-bob", "Bob"), "promotion.requested", "b3c4d5e6", "staging"));

        var entries = await audit.ReadAsync(promotionId: "k7m2q9xa");

        Assert.Equal(["promotion.requested", "promotion.refused"], entries.Select(e => e.Action));
        // Who acted keeps both the stable id and the name; the bot's own id cannot be a person's.
        Assert.Equal([new Actor("teams:user-alice", "Alice"), new Actor("system:bot", "bot")], entries.Select(e => e.Actor));
        Assert.True(entries[1].Actor.IsSystem);
        Assert.False(entries[0].Actor.IsSystem);
        using var details = JsonDocument.Parse(entries[1].Details!);
        Assert.Equal("Deny", details.RootElement.GetProperty("verdict").GetString());
        var finding = Assert.Single(details.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("REQ-NO-PROD-SKIP", finding.GetProperty("ruleId").GetString());
        Assert.Equal("production", finding.GetProperty("facts").GetProperty("environment").GetString());
        Assert.Equal(3, (await audit.ReadAsync()).Count);
        Assert.Single(await audit.ReadAsync(environment: "staging"));
    }

    [Fact]
    public async Task Saving_a_changed_or_deleted_entry_is_refused()
    {
        await Get<AuditLog>().AppendAsync(new AuditEntry(Now, Actor.Bot, "promotion.dispatched", "k7m2q9xa", "staging"));

        await using (var db = Storage.CreateContext())
        {
            var entry = await db.AuditLog.SingleAsync();
            entry.Action = "promotion.never-happened";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = Storage.CreateContext())
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("promotion.dispatched", Assert.Single(await Get<AuditLog>().ReadAsync()).Action);
    }

    public sealed class OnSqlite() : AuditLogTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : AuditLogTests(cluster);
}
