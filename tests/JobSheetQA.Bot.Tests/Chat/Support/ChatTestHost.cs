using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Chat.Support;

/// <summary>
/// The whole bot (Program.cs: storage, policy, the in-process GitHub sandbox, Hangfire) in a fresh temporary
/// content root, with the <see cref="TestChannel"/> as its chat platform. Tests talk to it like people in a chat:
/// <c>await chat.SayAsync("dana", "promote staging")</c> returns what the bot answered, as plain text.
/// </summary>
public sealed class ChatTestHost : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Jobs:PollInterval"] = "00:00:01",
        ["Tracking:PollInterval"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Inbound:PollInterval"] = "00:00:00.100",
        ["Inbound:RetryBaseDelay"] = "00:00:00.050",
    };

    private readonly BotHost bot;
    private int nextInboundId;

    private ChatTestHost(BotHost bot, TestChannel channel)
    {
        this.bot = bot;
        Channel = channel;
    }

    public string ContentRoot => bot.ContentRoot;

    /// <summary>Everything the bot posted later (status cards, outcomes, notifications).</summary>
    public TestChannel Channel { get; }

    public IServiceProvider Services => bot.Services;

    public T Get<T>() where T : notnull => bot.Get<T>();

    public HttpClient CreateClient() => bot.CreateClient();

    /// <summary>A handler that sends requests into this bot in-process (what a webhook sender uses to reach it).</summary>
    public HttpMessageHandler CreateHandler() => bot.Server.CreateHandler();

    /// <summary>Starts the bot in a new temporary folder (removed on dispose).</summary>
    public static ChatTestHost Start(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        Start(Directory.CreateTempSubdirectory("jobsheetqa-chat-").FullName, ownsContentRoot: true, settings, new TestChannel(), configureServices);

    /// <summary>Starts the bot on an existing folder and channel (a restart: same database, same chat).</summary>
    public static ChatTestHost Restart(string contentRoot, TestChannel channel, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        Start(contentRoot, ownsContentRoot: false, settings, channel, configureServices);

    private static ChatTestHost Start(string contentRoot, bool ownsContentRoot, IDictionary<string, string?>? settings, TestChannel channel, Action<IServiceCollection>? configureServices)
    {
        var bot = BotHost.Start(contentRoot, ownsContentRoot, Defaults.Concat(settings ?? new Dictionary<string, string?>()), services =>
        {
            services.AddSingleton<IChannelSender>(channel);
            services.AddSingleton(new PersonNaming([.. PersonNaming.ShippedChannels, TestChannel.Name]));
            configureServices?.Invoke(services);
        });
        return new ChatTestHost(bot, channel);
    }

    /// <summary>The identity a test user has on the test channel: <c>dana</c> → "Dana".</summary>
    public static RequesterIdentity User(string user) =>
        new(TestChannel.Name, user, char.ToUpperInvariant(user[0]) + user[1..], $"{user}@example.com");

    public static ConversationAddress Conversation(string conversationId) => new(TestChannel.Name, conversationId, UserId: null);

    /// <summary>Sends <paramref name="text"/> as <paramref name="user"/> and returns the bot's replies rendered as plain text.</summary>
    public async Task<string> SayAsync(string user, string text, string conversationId = "general") =>
        Render(await SendAsync(new ChatMessage(NextInboundId(), Conversation(conversationId), User(user), text)));

    /// <summary>Submits a form (card inputs) as <paramref name="user"/>; returns the bot's replies as plain text.</summary>
    public async Task<string> SubmitAsync(string user, string formId, IReadOnlyDictionary<string, string> values, string conversationId = "general") =>
        Render(await SendAsync(new ChatMessage(NextInboundId(), Conversation(conversationId), User(user), "", new FormSubmission(formId, values))));

    /// <summary>Sends a message as given (a test that needs the raw replies, or a repeated inbound id).</summary>
    public async Task<ChatTurnResult> SendAsync(ChatMessage message) => await Get<ChatTurnHandler>().HandleAsync(message);

    public string NextInboundId() => $"in-{Interlocked.Increment(ref nextInboundId)}-{Guid.NewGuid():N}";

    public static string Render(ChatTurnResult result) =>
        string.Join("\n---\n", result.Replies.Select(PlainTextReplyRenderer.Render)).TrimEnd();

    public ValueTask DisposeAsync() => bot.DisposeAsync();
}
