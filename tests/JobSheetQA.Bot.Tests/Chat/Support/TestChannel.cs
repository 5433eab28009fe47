using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Tests.Chat.Support;

/// <summary>One message the test channel received: a new post or an update of an earlier one.</summary>
public sealed record TestChannelPost(string ConversationId, string MessageId, Reply Reply, bool IsUpdate)
{
    public string Text => PlainTextReplyRenderer.Render(Reply);
}

/// <summary>
/// A chat platform for tests (<c>test</c>): records every post and update the bot makes through
/// <see cref="ConversationPoster"/>, and lets a test make sends fail.
/// </summary>
public sealed class TestChannel : IChannelSender
{
    public const string Name = "test";

    private readonly object gate = new();
    private readonly List<TestChannelPost> posts = [];
    private readonly Dictionary<string, Reply> current = [];
    private int nextMessageId;

    public string Channel => Name;

    /// <summary>When set, decides the result of each send or update instead of succeeding (null = succeed).</summary>
    public Func<ConversationAddress, Reply, ChannelSendResult?>? Fail { get; set; }

    public IReadOnlyList<TestChannelPost> Posts
    {
        get
        {
            lock (gate)
                return posts.ToList();
        }
    }

    /// <summary>Messages as they read now (updates applied), in the order first posted.</summary>
    public IReadOnlyList<TestChannelPost> Messages(string? conversationId = null)
    {
        lock (gate)
        {
            return posts.Where(p => !p.IsUpdate && (conversationId is null || p.ConversationId == conversationId))
                .Select(p => p with { Reply = current[p.MessageId] })
                .ToList();
        }
    }

    public Task<ChannelSendResult> SendAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken)
    {
        if (Fail?.Invoke(conversation, reply) is { } failure)
            return Task.FromResult(failure);

        lock (gate)
        {
            var messageId = $"m{++nextMessageId}";
            posts.Add(new TestChannelPost(conversation.ConversationId, messageId, reply, IsUpdate: false));
            current[messageId] = reply;
            return Task.FromResult(ChannelSendResult.Sent(messageId));
        }
    }

    public Task<ChannelSendResult> UpdateAsync(ConversationAddress conversation, string messageId, Reply reply, CancellationToken cancellationToken)
    {
        if (Fail?.Invoke(conversation, reply) is { } failure)
            return Task.FromResult(failure);

        lock (gate)
        {
            if (!current.ContainsKey(messageId))
                return Task.FromResult(ChannelSendResult.PermanentFailure($"no message {messageId}"));

            posts.Add(new TestChannelPost(conversation.ConversationId, messageId, reply, IsUpdate: true));
            current[messageId] = reply;
            return Task.FromResult(ChannelSendResult.Sent(messageId));
        }
    }

    /// <summary>Waits until a message (as it reads now) matches, or fails the test after <paramref name="timeout"/>.</summary>
    public async Task<TestChannelPost> WaitForMessageAsync(Func<TestChannelPost, bool> match, TimeSpan? timeout = null, string? conversationId = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Messages(conversationId).FirstOrDefault(match);
            if (found is not null)
                return found;
            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("\n---\n", Messages(conversationId).Select(m => m.Text));
                throw new TimeoutException($"No matching message within the time allowed. Messages so far:\n{seen}");
            }

            await Task.Delay(100);
        }
    }
}
