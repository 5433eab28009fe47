using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Chat.Turns;

/// <summary>
/// Issue #15: a durable turn whose worker stopped mid-way is handled again; a <c>promote</c> it had already started is
/// found again, never dispatched a second time, even when the environment lock no longer stands in the way.
/// </summary>
public sealed class RetriedTurnTests : IAsyncLifetime
{
    private ChatTestHost chat = null!;

    public Task InitializeAsync()
    {
        chat = ChatTestHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await chat.DisposeAsync();

    [Fact]
    public async Task A_promote_turn_handled_again_after_its_promotion_ended_finds_it_and_dispatches_nothing_more()
    {
        var turns = chat.Get<ChatTurnHandler>();
        var promote = new ChatMessage(chat.NextInboundId(), ChatTestHost.Conversation("general"), ChatTestHost.User("dana"), "promote staging");

        var first = ChatTestHost.Render(await turns.HandleAcceptedAsync(promote));
        Assert.Contains("Dispatched", first, StringComparison.Ordinal);
        // The environment is free again, so only the request's own key can stop a second dispatch.
        await chat.SayAsync("dana", "cancel");
        await using var db = chat.Get<IDbContextFactory<BotDbContext>>().CreateDbContext();
        // Cancelled: the tracker sees the run stop and lets the environment go.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await db.EnvironmentLocks.AnyAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "the cancelled promotion never released staging");
            await Task.Delay(100);
        }

        var again = ChatTestHost.Render(await turns.HandleAcceptedAsync(promote));

        Assert.Contains("I did not act on it a second time", again, StringComparison.Ordinal);
        var promotion = Assert.Single(await db.Promotions.ToListAsync());
        Assert.Contains($"promotion `{promotion.Id}`", again, StringComparison.Ordinal);
        Assert.Equal(PromotionIds.For($"{promote.Conversation.Channel}:{promote.InboundId}"), promotion.Id);
    }
}
