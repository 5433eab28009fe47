namespace JobSheetQA.Bot.Storage;

/// <summary>The <c>Storage</c> settings (docs/configuration.md, "Storage"). The choice of database is configuration only.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string PostgresConnectionStringKey = "ConnectionStrings:Postgres";

    public const string SqliteFileName = "jobsheetqa.db";

    /// <summary><c>Storage:Provider</c>: <c>Sqlite</c> (one instance, the default) or <c>PostgreSql</c> (any number of instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary><c>Storage:DataDirectory</c>: where the SQLite file lives; relative paths are beside the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>Storage:SqliteSynchronous</c>: <c>Normal</c> (the default, WAL's advice) or <c>Full</c> (an fsync per commit).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>Read from <c>ConnectionStrings:Postgres</c>; required when <see cref="Provider"/> is PostgreSql.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The absolute path of the data folder for a host whose content root is <paramref name="contentRootPath"/>.</summary>
    public string DataDirectoryPath(string contentRootPath) => Path.GetFullPath(Path.Combine(contentRootPath, DataDirectory));

    /// <summary>The absolute path of the SQLite database file for a host whose content root is <paramref name="contentRootPath"/>.</summary>
    public string SqliteDatabasePath(string contentRootPath) => Path.Combine(DataDirectoryPath(contentRootPath), SqliteFileName);
}
