using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Support;

/// <summary>The tests' view of the durable inbound queue: a platform is answered before its turn is handled.</summary>
public static class StoredTurns
{
    /// <summary>Waits until no stored inbound turn of the bot is waiting or being handled.</summary>
    public static async Task WaitUntilFinishedAsync(IServiceProvider bot, TimeSpan? timeout = null)
    {
        var turns = bot.GetRequiredService<InboundTurnStore>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await turns.CountUnfinishedAsync() > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The inbound worker did not finish the stored turns in time.");
            await Task.Delay(20);
        }
    }
}
