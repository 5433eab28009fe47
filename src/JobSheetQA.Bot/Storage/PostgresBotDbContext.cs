using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>The model on PostgreSQL (scale-out); owns the migrations in <c>Storage/Migrations/PostgreSql</c>.</summary>
public sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options);
