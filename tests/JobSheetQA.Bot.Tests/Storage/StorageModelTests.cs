using JobSheetQA.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>Both migration sets must describe the current model: a model change without a new migration fails here.</summary>
public sealed class StorageModelTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_whole_model()
    {
        using var db = new SqliteBotDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet ef migrations add <Name> --context SqliteBotDbContext ...");
    }

    [Fact]
    public void PostgreSql_migrations_cover_the_whole_model()
    {
        using var db = new PostgresBotDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresBotDbContext ...");
    }

    [Fact]
    public void Both_providers_have_the_same_tables_and_columns()
    {
        using var sqlite = new SqliteBotDbContextDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresBotDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Columns(sqlite), Columns(postgres));
        Assert.Contains("environment_locks.environment", Columns(sqlite));
    }

    private static IReadOnlyList<string> Columns(DbContext db) =>
        db.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetProperties().Select(p => $"{entity.GetTableName()}.{p.GetColumnName()}"))
            .Order()
            .ToList();
}
