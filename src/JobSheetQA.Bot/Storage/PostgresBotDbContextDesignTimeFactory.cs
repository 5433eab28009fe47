using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JobSheetQA.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresBotDbContext</c> build the model; adding a migration never connects.</summary>
public sealed class PostgresBotDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBotDbContext>
{
    public PostgresBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresBotDbContext>();
        options.UseBotPostgres("Host=localhost;Database=jobsheetqa;Username=postgres");
        return new PostgresBotDbContext(options.Options);
    }
}
