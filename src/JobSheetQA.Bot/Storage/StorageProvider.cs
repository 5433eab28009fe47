namespace JobSheetQA.Bot.Storage;

/// <summary>Which database holds the bot's data (docs/architecture.md, "Scale-out"): one embedded SQLite file, or PostgreSQL for scale-out.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
