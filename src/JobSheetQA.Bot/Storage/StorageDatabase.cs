using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>How each provider is configured; shared by the host and the design-time factories so migrations match the app.</summary>
internal static class StorageDatabase
{
    public static DbContextOptionsBuilder UseBotSqlite(this DbContextOptionsBuilder options, string databasePath) =>
        options.UseSqlite(SqliteConnectionString(databasePath));

    public static DbContextOptionsBuilder UseBotPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public static string SqliteConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        // Writers queue behind each other rather than fail: Microsoft.Data.Sqlite retries a busy database until this timeout.
        DefaultTimeout = 30,
    }.ToString();
}
