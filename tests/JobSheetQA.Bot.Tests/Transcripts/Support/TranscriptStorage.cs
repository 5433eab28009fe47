using JobSheetQA.Bot.Tests.Storage.Support;

namespace JobSheetQA.Bot.Tests.Transcripts.Support;

/// <summary>
/// Storage settings for transcript hosts, so a transcript class can run on both providers (the choice is configuration only:
/// docs/configuration.md, "Storage"): an <c>OnSqlite</c> and an <c>OnPostgreSql</c> subclass differ only in these.
/// </summary>
public static class TranscriptStorage
{
    /// <summary>The default: SQLite files (and Hangfire's) under the host's temp content root.</summary>
    public static Dictionary<string, string?> Sqlite() => new() { ["Storage:Provider"] = "Sqlite" };

    /// <summary>A fresh database in the shared throwaway cluster, for the bot's data and Hangfire's.</summary>
    public static async Task<Dictionary<string, string?>> PostgreSqlAsync(PostgresCluster cluster) => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync(),
    };
}
