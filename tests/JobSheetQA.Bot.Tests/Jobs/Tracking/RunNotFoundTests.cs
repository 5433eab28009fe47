using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>
/// A dispatched promotion whose run GitHub has not shown yet is failed only <c>Tracking:RunNotFoundAfter</c> after its
/// dispatch (the time its move to Dispatched recorded), not after it was requested: an acknowledged promotion may be
/// dispatched minutes after the request.
/// </summary>
public sealed class RunNotFoundTests : IAsyncLifetime
{
    private readonly IPromotionDispatcher dispatcher = Substitute.For<IPromotionDispatcher>();
    private ChatTestHost chat = null!;

    public Task InitializeAsync()
    {
        dispatcher.FindRunByCorrelationIdAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(GitHubResult<DispatchedRun?>.Success(null));
        chat = ChatTestHost.Start(
            new Dictionary<string, string?> { ["Tracking:RunNotFoundAfter"] = "00:10:00" },
            services => services.AddSingleton(dispatcher));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await chat.DisposeAsync();

    [Fact]
    public async Task A_promotion_requested_long_ago_but_just_dispatched_keeps_waiting_for_its_run()
    {
        var now = DateTimeOffset.UtcNow;
        await AddDispatchedAsync("p-late", requestedAt: now - TimeSpan.FromMinutes(11), dispatchedAt: now - TimeSpan.FromSeconds(30));

        await chat.Get<RunPoller>().PollOnceAsync("p-late", default);

        Assert.Equal(PromotionState.Dispatched, (await chat.Get<PromotionStore>().FindAsync("p-late"))!.State);
    }

    [Fact]
    public async Task A_promotion_dispatched_longer_ago_than_the_limit_is_failed()
    {
        var now = DateTimeOffset.UtcNow;
        await AddDispatchedAsync("p-lost", requestedAt: now - TimeSpan.FromMinutes(12), dispatchedAt: now - TimeSpan.FromMinutes(11));

        await chat.Get<RunPoller>().PollOnceAsync("p-lost", default);

        Assert.Equal(PromotionState.Failed, (await chat.Get<PromotionStore>().FindAsync("p-lost"))!.State);
    }

    [Fact]
    public async Task A_promotion_dispatched_without_a_recorded_time_gets_its_whole_window_from_the_first_poll()
    {
        // Dispatched by an instance that did not record the time yet (a rolling upgrade): never failed early.
        var now = DateTimeOffset.UtcNow;
        await AddDispatchedAsync("p-older", requestedAt: now - TimeSpan.FromMinutes(30), dispatchedAt: null);

        await chat.Get<RunPoller>().PollOnceAsync("p-older", default);

        var promotion = (await chat.Get<PromotionStore>().FindAsync("p-older"))!;
        Assert.Equal(PromotionState.Dispatched, promotion.State);
        Assert.InRange(promotion.DispatchedAt!.Value, now - TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_run_found_by_its_correlation_id_is_kept_even_when_reading_it_fails()
    {
        var now = DateTimeOffset.UtcNow;
        await AddDispatchedAsync("p-found", requestedAt: now - TimeSpan.FromMinutes(1), dispatchedAt: now - TimeSpan.FromSeconds(30));
        // The search finds a run the sandbox does not know, so reading it answers 404.
        dispatcher.FindRunByCorrelationIdAsync("p-found", Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(GitHubResult<DispatchedRun?>.Success(new DispatchedRun(987654321, "https://github.example/runs/987654321", RunIdSource.CorrelationSearch)));

        var outcome = await chat.Get<RunPoller>().PollOnceAsync("p-found", default);

        Assert.NotNull(outcome.Error);
        var promotion = (await chat.Get<PromotionStore>().FindAsync("p-found"))!;
        Assert.Equal(987654321, promotion.RunId);
        Assert.Equal(PromotionState.Dispatched, promotion.State);
    }

    private async Task AddDispatchedAsync(string id, DateTimeOffset requestedAt, DateTimeOffset? dispatchedAt)
    {
        await chat.Get<PromotionStore>().AddAsync(new PromotionEntity
        {
            Id = id,
            Environment = "staging",
            Ref = "main",
            CommitSha = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4",
            RequesterChannel = TestChannel.Name,
            RequesterUserId = "dana",
            RequesterDisplayName = "Dana",
            State = PromotionState.Dispatched,
            CorrelationId = id,
            CreatedAt = requestedAt,
            UpdatedAt = dispatchedAt ?? requestedAt,
            DispatchedAt = dispatchedAt,
        });
    }
}
