namespace JobSheetQA.Bot.Tests.Storage.Support;

/// <summary>The default provider: a SQLite file in the host's temporary content root.</summary>
public sealed class SqliteTestDatabase : IStorageTestDatabase
{
    public Task<StorageTestHost> StartAsync() =>
        StorageTestHost.StartAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
}
