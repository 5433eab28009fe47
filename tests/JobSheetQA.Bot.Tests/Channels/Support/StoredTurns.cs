using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Support;

/// <summary>The tests' view of the durable inbound queue: a platform is answered before its turn is handled.</summary>
public static class StoredTurns
{
    /// <summary>Waits until no stored inbound turn of the bot is waiting or being handled.</summary>
    public static async Task WaitUntilFinishedAsync(IServiceProvider bot, TimeSpan? timeout = null)
    {
        var turns = bot.GetRequiredService<InboundTurnStore>();
        await Eventually.TrueAsync(async () => await turns.CountUnfinishedAsync() == 0, "the inbound worker to finish the stored turns", timeout);
    }
}
