using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Chat.Promotions;

/// <summary>
/// Issue #16: a dry run answers from what it reads; the only rows it leaves are its de-duplication id and its audit
/// line (no promotion, lock, acknowledgement, post or conversation row).
/// </summary>
public sealed class DryRunWritesTests
{
    [Fact]
    public async Task A_dry_run_writes_its_de_duplication_id_and_one_audit_line_and_nothing_else()
    {
        await using var chat = ChatTestHost.Start();
        await chat.SayAsync("dana", "help"); // the conversation is known from here on
        var before = await CountRowsAsync(chat);

        var answer = await chat.SayAsync("dana", "promote staging --dry-run");
        var after = await CountRowsAsync(chat);

        Assert.Contains("Dry run", answer, StringComparison.Ordinal);
        var changed = after.Where(table => before[table.Key] != table.Value).ToDictionary(t => t.Key, t => t.Value - before[t.Key]);
        Assert.Equal(new Dictionary<string, int> { ["audit_log"] = 1, ["processed_inbound"] = 1 }, changed);
    }

    /// <summary>Rows in every table of the model, so a table added later is counted too.</summary>
    private static async Task<Dictionary<string, int>> CountRowsAsync(ChatTestHost chat)
    {
        await using var db = await chat.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var counts = new Dictionary<string, int>();
        await db.Database.OpenConnectionAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct())
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"" + table + "\"";
            counts[table] = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Contains("audit_log", counts.Keys);
        return counts;
    }
}
