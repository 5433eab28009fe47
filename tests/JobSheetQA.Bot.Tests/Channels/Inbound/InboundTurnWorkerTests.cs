using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JobSheetQA.Bot.Tests.Channels.Inbound;

/// <summary>
/// The worker keeps the claim of a turn it is handling: every third of <c>Inbound:Lease</c> it renews it, so a turn that
/// takes longer than the lease is not taken by another worker and handled twice.
/// </summary>
public sealed class InboundTurnWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private StorageTestHost storage = null!;

    public async Task InitializeAsync() => storage = await new SqliteTestDatabase().StartAsync();

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task A_turn_handled_for_longer_than_the_lease_keeps_its_claim_and_is_handled_once()
    {
        await using var running = await RunningWorker.StartAsync(storage, time, workers: 1);
        var (store, queue, processor) = (running.Store, running.Queue, running.Processor);
        var turn = await running.FirstTurnStartedAsync();
        Assert.Equal(time.GetUtcNow() + Lease, (await store.FindAsync(turn.Id))!.LeaseUntil);

        // Twice the lease on the clock while the turn is still being handled: renewed every third of it.
        for (var tick = 1; tick <= 6; tick++)
        {
            time.Advance(Lease / 3);
            var renewedTo = time.GetUtcNow() + Lease;
            await Eventually.TrueAsync(async () => (await store.FindAsync(turn.Id))!.LeaseUntil == renewedTo, $"the claim renewed to {renewedTo:O} at tick {tick}");
        }

        Assert.Null(await store.TryClaimNextAsync("another-instance", time.GetUtcNow(), Lease));

        processor.Finish();
        await Eventually.TrueAsync(async () => (await store.FindAsync(turn.Id))!.State == InboundTurnState.Done, "the turn done");
        Assert.Equal(1, processor.Calls);
    }

    [Fact]
    public async Task A_turn_claimed_as_it_was_stored_keeps_its_claim_while_it_waits_for_a_busy_worker_and_is_handled_once()
    {
        await using var running = await RunningWorker.StartAsync(storage, time, workers: 1);
        var (store, queue, processor) = (running.Store, running.Queue, running.Processor);
        var first = await running.FirstTurnStartedAsync();
        // Another conversation's turn, claimed as it is stored, waits in memory: the one worker is busy.
        await queue.AcceptAsync(new InboundTurnAcceptance("slack", "m2", "slack:C2", "{}"), capacity: null, default);
        Assert.Equal(1, queue.Waiting);
        var second = await StoredAsync("m2");
        Assert.Equal((InboundTurnState.Processing, time.GetUtcNow() + Lease), (second.State, second.LeaseUntil));

        // Twice the lease on the clock: both claims renewed every third of it, the waiting turn's as well.
        for (var tick = 1; tick <= 6; tick++)
        {
            time.Advance(Lease / 3);
            var renewedTo = time.GetUtcNow() + Lease;
            await Eventually.TrueAsync(async () => (await store.FindAsync(first.Id))!.LeaseUntil == renewedTo
                && (await store.FindAsync(second.Id))!.LeaseUntil == renewedTo, $"both claims renewed to {renewedTo:O} at tick {tick}");
        }

        Assert.Null(await store.TryClaimNextAsync("another-instance", time.GetUtcNow(), Lease));

        processor.Finish();
        await Eventually.TrueAsync(async () => (await store.FindAsync(second.Id))!.State == InboundTurnState.Done, "the waiting turn done");
        Assert.Equal(2, processor.Calls);
        Assert.Equal(1, (await store.FindAsync(second.Id))!.Attempts);
    }

    [Fact]
    public async Task A_turn_handled_here_whose_lease_lapsed_and_that_a_look_in_the_database_takes_again_under_this_process_is_not_handled_twice()
    {
        await using var running = await RunningWorker.StartAsync(storage, time, workers: 2);
        var (store, queue, processor) = (running.Store, running.Queue, running.Processor);
        var turn = await running.FirstTurnStartedAsync();

        // Its lease lapses (as when renewals could not reach the database), and the idle worker looks in the database.
        await using (var db = await storage.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        using (await db.EnterWriterAsync(default))
            await db.InboundTurns.Where(t => t.Id == turn.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.LeaseUntil, time.GetUtcNow() - TimeSpan.FromSeconds(1)));
        queue.MarkBacklog();
        queue.Wake();
        await Eventually.TrueAsync(async () => (await store.FindAsync(turn.Id))!.Attempts == 2, "the look to take the turn again");
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal(1, processor.Calls);
        processor.Finish();
        await Eventually.TrueAsync(async () => (await store.FindAsync(turn.Id))!.State == InboundTurnState.Done, "the turn done");
        Assert.Equal(1, processor.Calls);
    }

    private async Task<InboundTurnEntity> StoredAsync(string inboundId)
    {
        await using var db = await storage.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.InboundTurns.AsNoTracking().SingleAsync(t => t.InboundId == inboundId);
    }

    /// <summary>A started worker of <c>workers</c> loops over a queue, with <see cref="HeldProcessor"/> for Slack turns; stopped on dispose.</summary>
    private sealed class RunningWorker(InboundTurnStore store, InboundTurnQueue queue, HeldProcessor processor, InboundTurnWorker worker, BotMetrics metrics)
        : IAsyncDisposable
    {
        public InboundTurnStore Store => store;

        public InboundTurnQueue Queue => queue;

        public HeldProcessor Processor => processor;

        public static async Task<RunningWorker> StartAsync(StorageTestHost storage, TimeProvider time, int workers)
        {
            var store = storage.Get<InboundTurnStore>();
            var metrics = TestMetrics.Create();
            var queue = new InboundTurnQueue(store, time, metrics, Options.Create(new InboundOptions { Lease = Lease }));
            var processor = new HeldProcessor();
            var worker = new InboundTurnWorker(
                store, queue, [processor],
                Options.Create(new InboundOptions { Workers = workers, Lease = Lease }),
                Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite }),
                time, metrics, NullLogger<InboundTurnWorker>.Instance);
            await worker.StartAsync(CancellationToken.None);
            return new RunningWorker(store, queue, processor, worker, metrics);
        }

        /// <summary>Accepts a first turn (m1 in conversation C1) and waits until a worker handles it.</summary>
        public async Task<InboundTurn> FirstTurnStartedAsync()
        {
            Assert.Equal(InboundAcceptance.Accepted, await queue.AcceptAsync(new InboundTurnAcceptance("slack", "m1", "slack:C1", "{}"), capacity: null, default));
            return await processor.Started.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public async ValueTask DisposeAsync()
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
            metrics.Dispose();
        }
    }

    /// <summary>Handles a turn only when the test lets it finish.</summary>
    private sealed class HeldProcessor : IInboundTurnProcessor
    {
        private readonly TaskCompletionSource<InboundTurn> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        public string Channel => "slack";

        public Task<InboundTurn> Started => started.Task;

        public int Calls => Volatile.Read(ref calls);

        public void Finish() => finish.TrySetResult();

        public async Task<object?> ProcessAsync(InboundTurn turn, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            started.TrySetResult(turn);
            await finish.Task.WaitAsync(cancellationToken);
            return null;
        }

        public Task GiveUpAsync(InboundTurn turn, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
