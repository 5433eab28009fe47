using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class PromotionStoreTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task A_promotion_round_trips_with_its_requester_decision_and_times_in_utc()
    {
        var store = Get<PromotionStore>();
        var promotion = NewPromotion("k7m2q9xa", createdAt: new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(2)));
        promotion.RecordDecision(new Decision(
            [new Finding("REQ-SKIP-ACK", FindingOutcome.RequireAcknowledgement, "Missing skip acknowledgement", "§2.4, §5.4", [])], []));

        await store.AddAsync(promotion);
        var stored = await store.FindAsync("k7m2q9xa");

        Assert.NotNull(stored);
        Assert.Equal(new RequesterIdentity("teams", "user-alice", "Alice", "alice@example.com"), stored.ToRequester());
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
        Assert.Equal(Verdict.RequireAcknowledgement, stored.DecisionVerdict);
        Assert.Equal(new DecisionSummaryFinding("REQ-SKIP-ACK", FindingOutcome.RequireAcknowledgement), Assert.Single(stored.ReadDecision()!.Findings));
    }

    [Fact]
    public async Task History_orders_by_instant_whatever_offset_the_times_were_written_with()
    {
        var store = Get<PromotionStore>();
        // 08:30 UTC written as 10:30+02:00 sorts before 09:00 UTC even though its local text is later.
        await store.AddAsync(NewPromotion("earlier", createdAt: new DateTimeOffset(2026, 11, 26, 10, 30, 0, TimeSpan.FromHours(2))));
        await store.AddAsync(NewPromotion("later", createdAt: new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.FromHours(-5))));
        await store.AddAsync(NewPromotion("middle", createdAt: Now));
        await store.AddAsync(NewPromotion("elsewhere", environment: EnvironmentNames.Production));

        var history = await store.RecentAsync(EnvironmentNames.Staging, take: 10);

        Assert.Equal(["later", "middle", "earlier"], history.Select(p => p.Id));
    }

    [Fact]
    public async Task An_update_from_a_stale_read_is_a_conflict_and_changes_nothing()
    {
        var store = Get<PromotionStore>();
        await store.AddAsync(NewPromotion("k7m2q9xa"));

        var first = await store.UpdateAsync("k7m2q9xa", 0, p => p.State = PromotionState.Evaluated, Now.AddSeconds(1));
        var stale = await store.UpdateAsync("k7m2q9xa", 0, p => p.State = PromotionState.Cancelled, Now.AddSeconds(2));

        Assert.Equal(PromotionUpdateStatus.Updated, first.Status);
        Assert.Equal(1, first.Promotion!.RowVersion);
        Assert.Equal(PromotionUpdateStatus.Conflict, stale.Status);
        var stored = await store.FindAsync("k7m2q9xa");
        Assert.Equal(PromotionState.Evaluated, stored!.State);
        Assert.Equal(Now.AddSeconds(1), stored.UpdatedAt);
        Assert.Equal(PromotionUpdateStatus.NotFound, (await store.UpdateAsync("missing", 0, _ => { }, Now)).Status);
    }

    [Fact]
    public async Task Of_parallel_updates_from_the_same_read_exactly_one_wins()
    {
        var store = Get<PromotionStore>();
        await store.AddAsync(NewPromotion("k7m2q9xa", state: PromotionState.Dispatched));

        var results = await RaceAsync(8, i => store.UpdateAsync("k7m2q9xa", 0, p => p.RunId = 1000 + i, Now));

        var winner = Assert.Single(results, r => r.Status == PromotionUpdateStatus.Updated);
        Assert.Equal(winner.Promotion!.RunId, (await store.FindAsync("k7m2q9xa"))!.RunId);
    }

    [Fact]
    public async Task A_save_that_loses_a_race_does_not_hold_up_the_writes_after_it()
    {
        var store = Get<PromotionStore>();
        await store.AddAsync(NewPromotion("k7m2q9xa"));

        // Another instance moves the promotion between this update's read and its save: the save loses on the row version.
        var lost = await store.UpdateAsync("k7m2q9xa", 0, p =>
        {
            var other = Task.Run(() => store.UpdateAsync("k7m2q9xa", 0, q => q.State = PromotionState.Evaluated, Now)).GetAwaiter().GetResult();
            Assert.Equal(PromotionUpdateStatus.Updated, other.Status);
            p.State = PromotionState.Cancelled;
        }, Now);

        Assert.Equal(PromotionUpdateStatus.Conflict, lost.Status);
        // The lost save must leave nothing held: the next write goes through (on SQLite the writers queue one at a time).
        await store.AddAsync(NewPromotion("next")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(PromotionState.Evaluated, (await store.FindAsync("k7m2q9xa"))!.State);
    }

    [Fact]
    public async Task Gate_results_are_overwritten_per_step_as_the_run_moves()
    {
        var store = Get<PromotionStore>();
        await store.AddAsync(NewPromotion("k7m2q9xa", state: PromotionState.Running));

        await store.RecordGateResultAsync("k7m2q9xa", PromotionStep.CiGate, StepOutcome.Running, "https://example.test/job/2", Now, null);
        await store.RecordGateResultAsync("k7m2q9xa", PromotionStep.CiGate, StepOutcome.Passed, "https://example.test/job/2", Now, Now.AddMinutes(3));
        await store.RecordGateResultAsync("k7m2q9xa", PromotionStep.ValidateRequest, StepOutcome.Passed, null, Now, Now.AddMinutes(1));

        var gates = (await store.FindAsync("k7m2q9xa"))!.GateResults.OrderBy(g => g.Step).ToList();
        Assert.Equal([PromotionStep.ValidateRequest, PromotionStep.CiGate], gates.Select(g => g.Step));
        Assert.Equal(StepOutcome.Passed, gates[1].Outcome);
        Assert.Equal(Now.AddMinutes(3), gates[1].CompletedAt);
    }

    [Fact]
    public async Task Promotions_to_resume_are_found_by_state()
    {
        var store = Get<PromotionStore>();
        await store.AddAsync(NewPromotion("running", state: PromotionState.Running));
        await store.AddAsync(NewPromotion("dispatched", state: PromotionState.Dispatched, createdAt: Now.AddMinutes(-1)));
        await store.AddAsync(NewPromotion("done", state: PromotionState.Succeeded));

        var resumable = await store.InStatesAsync([PromotionState.Dispatched, PromotionState.Running]);

        Assert.Equal(["dispatched", "running"], resumable.Select(p => p.Id));
        Assert.Equal("running", (await store.FindByCorrelationIdAsync("corr-running"))!.Id);
    }

    public sealed class OnSqlite() : PromotionStoreTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : PromotionStoreTests(cluster);
}
