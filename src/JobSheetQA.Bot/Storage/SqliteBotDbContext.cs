using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>The model on SQLite (the embedded default); owns the migrations in <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteBotDbContext(DbContextOptions<SqliteBotDbContext> options) : BotDbContext(options);
