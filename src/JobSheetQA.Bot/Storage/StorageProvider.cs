namespace JobSheetQA.Bot.Storage;

/// <summary>Which database holds the bot's data (design.md §7): one embedded SQLite file, or PostgreSQL for scale-out.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
