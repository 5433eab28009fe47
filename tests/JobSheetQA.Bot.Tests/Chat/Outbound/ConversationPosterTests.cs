using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;

namespace JobSheetQA.Bot.Tests.Chat.Outbound;

public sealed class ConversationPosterTests : IAsyncLifetime
{
    private ChatTestHost chat = null!;
    private long conversation;

    public async Task InitializeAsync()
    {
        chat = ChatTestHost.Start();
        conversation = await chat.Get<ConversationStore>().UpsertReferenceAsync(
            new ConversationReferenceEntity { Channel = TestChannel.Name, ConversationId = "releases" }, DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await chat.DisposeAsync();

    private ConversationPoster Poster => chat.Get<ConversationPoster>();

    [Fact]
    public async Task The_same_key_is_posted_once_however_often_it_is_asked_for()
    {
        var first = await Poster.PostAsync(conversation, Reply.Text("Gate failed"), "gate-failure:p-1", "gate-failure", "p-1");
        var again = await Poster.PostAsync(conversation, Reply.Text("Gate failed"), "gate-failure:p-1", "gate-failure", "p-1");

        Assert.Equal(PostOutcome.Posted, first.Outcome);
        Assert.Equal(PostOutcome.AlreadyPosted, again.Outcome);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Single(chat.Channel.Posts);
    }

    [Fact]
    public async Task Parallel_posts_of_one_key_send_one_message()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => Poster.PostAsync(conversation, Reply.Text("Outcome"), "outcome:p-2", "outcome", "p-2"))));

        Assert.Single(results, r => r.Outcome == PostOutcome.Posted);
        Assert.Single(chat.Channel.Posts);
    }

    [Fact]
    public async Task A_reply_with_an_update_key_is_posted_once_and_then_updated_in_place()
    {
        await Poster.PostAsync(conversation, new Reply([new TextBlock("Validate Request: running")], "status:p-3"), "status:p-3:v1", "status-card", "p-3");
        await Poster.PostAsync(conversation, new Reply([new TextBlock("Validate Request: passed")], "status:p-3"), "status:p-3:v2", "status-card", "p-3");

        var message = Assert.Single(chat.Channel.Messages());
        Assert.Contains("passed", message.Text, StringComparison.Ordinal);
        Assert.Equal(2, chat.Channel.Posts.Count);
        Assert.True(chat.Channel.Posts[1].IsUpdate);
        Assert.Equal(message.MessageId, await Poster.MessageIdAsync(conversation, "status:p-3"));
    }

    [Fact]
    public async Task A_failed_send_releases_the_key_so_a_retry_posts()
    {
        chat.Channel.Fail = (_, _) => ChannelSendResult.TransientFailure("503 from the connector");
        var failed = await Poster.PostAsync(conversation, Reply.Text("Outcome"), "outcome:p-4", "outcome", "p-4");
        chat.Channel.Fail = null;
        var retried = await Poster.PostAsync(conversation, Reply.Text("Outcome"), "outcome:p-4", "outcome", "p-4");

        Assert.Equal(PostOutcome.RetryLater, failed.Outcome);
        Assert.Equal(PostOutcome.Posted, retried.Outcome);
        Assert.Single(chat.Channel.Posts);
    }

    [Fact]
    public async Task A_conversation_that_is_not_stored_is_undeliverable_and_says_why()
    {
        var result = await Poster.PostAsync(987_654, Reply.Text("Outcome"), "outcome:p-5", "outcome", "p-5");

        Assert.Equal(PostOutcome.Undeliverable, result.Outcome);
        Assert.Contains("987654", result.Error, StringComparison.Ordinal);
        Assert.Empty(chat.Channel.Posts);
    }
}
