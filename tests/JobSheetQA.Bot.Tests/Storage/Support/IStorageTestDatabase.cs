namespace JobSheetQA.Bot.Tests.Storage.Support;

/// <summary>Somewhere to start the bot's storage on an empty database: a temp SQLite file or a fresh PostgreSQL database.</summary>
public interface IStorageTestDatabase
{
    Task<StorageTestHost> StartAsync();
}
