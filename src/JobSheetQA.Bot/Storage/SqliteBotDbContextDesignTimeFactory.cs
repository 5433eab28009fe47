using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JobSheetQA.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteBotDbContext</c> build the model without starting the host.</summary>
public sealed class SqliteBotDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBotDbContext>
{
    public SqliteBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteBotDbContext>();
        options.UseBotSqlite(Path.Combine(Path.GetTempPath(), "jobsheetqa-design-time.db"));
        return new SqliteBotDbContext(options.Options);
    }
}
