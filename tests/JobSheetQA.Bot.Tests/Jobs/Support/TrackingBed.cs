using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Hosting;

namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>
/// A standalone GitHub sandbox (its own fast pace, shared by bot hosts that restart) and the settings that point a
/// <see cref="ChatTestHost"/> at it, plus the shortcuts a tracking test needs: a promotion dispatched for real against
/// the sandbox and stored as the promote flow would store it, and subscribed conversations.
/// </summary>
public sealed class TrackingBed : IAsyncDisposable
{
    public const string Token = "ghp_trackingtests";

    private TrackingBed(SandboxApp sandbox) => Sandbox = sandbox;

    public SandboxApp Sandbox { get; }

    public SandboxControl Control => Sandbox.Control;

    public static async Task<TrackingBed> StartAsync(TimeSpan? stepDelay = null) =>
        new(await SandboxHost.StartAsync(new SandboxOptions
        {
            StepDelay = stepDelay ?? TimeSpan.FromMilliseconds(150),
            Tokens = [Token],
        }));

    /// <summary>Bot settings: GitHub mode against this sandbox, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GitHub:Mode"] = "GitHub",
            ["GitHub:BaseUrl"] = Sandbox.BaseAddress.ToString(),
            ["GitHub:Owner"] = Sandbox.Options.Owner,
            ["GitHub:Repository"] = Sandbox.Options.Repo,
            ["GitHub:Token"] = Token,
            ["GitHub:RequestTimeout"] = "00:00:10",
            ["GitHub:CorrelationTimeout"] = "00:00:20",
            ["GitHub:CorrelationPollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }

    /// <summary>Stores a test-channel conversation and returns its reference id.</summary>
    public static Task<long> ConversationAsync(ChatTestHost host, string conversationId) =>
        host.Get<ConversationStore>().UpsertReferenceAsync(
            new ConversationReferenceEntity { Channel = TestChannel.Name, ConversationId = conversationId }, DateTimeOffset.UtcNow);

    public static async Task<long> SubscribeAsync(ChatTestHost host, string conversationId, bool includeOutcomes = false)
    {
        var id = await ConversationAsync(host, conversationId);
        await host.Get<ConversationStore>().SubscribeAsync(id, includeOutcomes, DateTimeOffset.UtcNow);
        return id;
    }

    /// <summary>The acknowledgement phrase of a staging parity skip (runbook §5.4).</summary>
    public const string ParitySkipAcknowledgement = "I_ACCEPT_PARITY_SKIP";

    /// <summary>
    /// Dispatches <c>promotion.yml</c> through the bot's own dispatcher and stores the promotion in Dispatched state with
    /// its run, environment lock and conversation, as the promote flow leaves it; tracking is not started.
    /// </summary>
    /// <param name="judgedCommit">The commit the decision judged; the branch head at dispatch when null (the branch did not move).</param>
    /// <param name="skipParity">Dispatch with an acknowledged parity skip (staging only).</param>
    /// <param name="beforeStoring">Called with the run id before the promotion is stored (no tracker can see it yet).</param>
    public static async Task<PromotionEntity> DispatchAsync(
        ChatTestHost host, string environment = "staging", string conversationId = "general", string? judgedCommit = null, bool skipParity = false,
        Func<long, Task>? beforeStoring = null)
    {
        var id = PromotionIds.New();
        var now = DateTimeOffset.UtcNow;
        var conversation = await ConversationAsync(host, conversationId);
        var requester = ChatTestHost.User("dana");
        Assert.True((await host.Get<PromotionLocks>().TryAcquireAsync(environment, id, requester.DisplayName, now)).Acquired);

        var head = await host.Get<IRepositoryFacts>().GetBranchHeadAsync("main");
        var run = await host.Get<IPromotionDispatcher>().DispatchAsync(new PromotionDispatch(id, environment, "main", false, skipParity, skipParity ? ParitySkipAcknowledgement : null));
        Assert.True(run.Succeeded, run.Error?.Message);
        if (beforeStoring is not null)
            await beforeStoring(run.Value.RunId);

        var promotion = new PromotionEntity
        {
            Id = id,
            Environment = environment,
            Ref = "main",
            CommitSha = judgedCommit ?? head.Value.Sha,
            SkipParity = skipParity,
            RequesterChannel = requester.Channel,
            RequesterUserId = requester.UserId,
            RequesterDisplayName = requester.DisplayName,
            RequesterEmail = requester.Email,
            State = PromotionState.Dispatched,
            CorrelationId = id,
            RunId = run.Value.RunId,
            RunUrl = run.Value.HtmlUrl,
            CreatedAt = now,
            UpdatedAt = now,
            ConversationReferenceId = conversation,
        };
        await host.Get<PromotionStore>().AddAsync(promotion);
        return promotion;
    }

    /// <summary>Waits until the stored promotion satisfies <paramref name="match"/>.</summary>
    public static async Task<PromotionEntity> WaitForPromotionAsync(ChatTestHost host, string id, Func<PromotionEntity, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(45));
        while (true)
        {
            var promotion = await host.Get<PromotionStore>().FindAsync(id);
            if (promotion is not null && match(promotion))
                return promotion;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Promotion {id} did not get there in time; it is {promotion?.State}.");
            await Task.Delay(100);
        }
    }

    /// <summary>New messages (not updates) in a conversation whose first block is a status card.</summary>
    public static IReadOnlyList<TestChannelPost> StatusCards(TestChannel channel, string conversationId) =>
        channel.Messages(conversationId).Where(m => m.Reply.Blocks.FirstOrDefault() is StatusCardBlock).ToList();

    public static IReadOnlyList<TestChannelPost> TextMessages(TestChannel channel, string conversationId, string containing) =>
        channel.Messages(conversationId).Where(m => m.Reply.Blocks.FirstOrDefault() is TextBlock && m.Text.Contains(containing, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync() => await Sandbox.DisposeAsync();
}
