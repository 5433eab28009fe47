using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobSheetQA.Bot.Storage;

/// <summary>How each provider is configured; shared by the host and the design-time factories so migrations match the app.</summary>
internal static class StorageDatabase
{
    public static DbContextOptionsBuilder UseBotSqlite(this DbContextOptionsBuilder options, string databasePath) =>
        options.UseSqlite(SqliteConnectionString(databasePath)).QuietExpectedConflicts();

    public static DbContextOptionsBuilder UseBotPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).QuietExpectedConflicts();

    /// <summary>
    /// De-duplication, reservations and locks work by inserting and catching the unique-key violation, so a failed
    /// command is often the expected answer. EF Core would log each at Error; the exception still reaches the caller,
    /// which handles it or lets it surface (and be logged) as a real failure, so EF's own line is kept at Debug.
    /// </summary>
    private static DbContextOptionsBuilder QuietExpectedConflicts(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    public static string SqliteConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        // Writers queue behind each other rather than fail: Microsoft.Data.Sqlite retries a busy database until this timeout.
        DefaultTimeout = 30,
    }.ToString();
}
