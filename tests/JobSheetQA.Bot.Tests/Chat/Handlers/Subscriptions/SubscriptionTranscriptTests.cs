using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Handlers.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Subscriptions;

public sealed class SubscriptionTranscriptTests : TranscriptTests
{
    [Fact]
    public async Task Subscribe_makes_this_conversation_receive_gate_failures_only()
    {
        var answer = await Chat.SayAsync("dana", "subscribe", conversationId: "release-room");

        Assert.Equal(
            "Subscribed: this conversation receives gate failures (with the run link, and for the Parity Gate the violations). " +
            "`subscribe all` adds every outcome; `unsubscribe` stops them.", answer);
        var subscription = Assert.Single(await Chat.Get<ConversationStore>().SubscriptionsAsync());
        Assert.Equal("release-room", subscription.ConversationReference!.ConversationId);
        Assert.False(subscription.IncludeOutcomes);
        Assert.Empty(await Chat.Get<ConversationStore>().SubscriptionsAsync(outcomesOnly: true));
    }

    [Fact]
    public async Task Subscribe_all_adds_outcomes_and_changes_an_existing_subscription_in_place()
    {
        await Chat.SayAsync("dana", "subscribe", conversationId: "release-room");

        var answer = await Chat.SayAsync("dana", "subscribe ALL", conversationId: "release-room");

        Assert.StartsWith("Subscription changed: this conversation receives gate failures and every promotion outcome", answer, StringComparison.Ordinal);
        var subscription = Assert.Single(await Chat.Get<ConversationStore>().SubscriptionsAsync(outcomesOnly: true));
        Assert.Equal("release-room", subscription.ConversationReference!.ConversationId);
        var audit = await Chat.Get<AuditLog>().ReadAsync();
        Assert.Equal(2, audit.Count(e => e.Action == "subscription.subscribed" && e.Actor == new Actor("test:dana", "Dana")));
    }

    [Fact]
    public async Task Unsubscribe_stops_notifications_for_this_conversation_only()
    {
        await Chat.SayAsync("dana", "subscribe", conversationId: "release-room");
        await Chat.SayAsync("erin", "subscribe all", conversationId: "ops-room");

        var answer = await Chat.SayAsync("dana", "unsubscribe", conversationId: "release-room");

        Assert.StartsWith("Unsubscribed: this conversation no longer receives channel notifications.", answer, StringComparison.Ordinal);
        var remaining = Assert.Single(await Chat.Get<ConversationStore>().SubscriptionsAsync());
        Assert.Equal("ops-room", remaining.ConversationReference!.ConversationId);
        Assert.Contains(await Chat.Get<AuditLog>().ReadAsync(), e => e.Action == "subscription.unsubscribed");
    }

    [Fact]
    public async Task Unsubscribe_where_nothing_was_subscribed_says_so()
    {
        var answer = await Chat.SayAsync("dana", "unsubscribe", conversationId: "quiet-room");

        Assert.Equal("This conversation was not subscribed; nothing to stop. `subscribe` starts gate-failure notifications.", answer);
    }

    [Fact]
    public async Task Subscribe_with_an_unknown_option_gets_its_usage_and_changes_nothing()
    {
        var answer = await Chat.SayAsync("dana", "subscribe failures");

        Assert.Contains("Usage: subscribe [all]", answer, StringComparison.Ordinal);
        Assert.Empty(await Chat.Get<ConversationStore>().SubscriptionsAsync());
    }
}
