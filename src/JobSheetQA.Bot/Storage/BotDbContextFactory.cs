using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="BotDbContext"/>.</summary>
internal sealed class BotDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<BotDbContext>
    where TContext : BotDbContext
{
    public BotDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<BotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
