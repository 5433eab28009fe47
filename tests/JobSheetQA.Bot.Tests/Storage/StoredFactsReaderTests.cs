using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class StoredFactsReaderTests(IStorageTestDatabase database) : StorageTests(database)
{
    private async Task FinishAsync(string id, string environment, string commitSha, PromotionState state, StepOutcome parity, bool skipParity = false)
    {
        var store = Get<PromotionStore>();
        var promotion = NewPromotion(id, environment, commitSha, createdAt: Now.AddHours(-2), skipParity: skipParity);
        await store.AddAsync(promotion);
        foreach (var step in Enum.GetValues<PromotionStep>())
        {
            var outcome = step == PromotionStep.ParityGate ? parity : StepOutcome.Passed;
            await store.RecordGateResultAsync(id, step, outcome, null, Now.AddHours(-2), Now.AddHours(-1));
        }

        await store.UpdateAsync(id, 0, p =>
        {
            p.State = state;
            p.CompletedAt = Now.AddHours(-1);
        }, Now.AddHours(-1));
    }

    [Fact]
    public async Task A_successful_staging_run_of_the_commit_becomes_a_clean_completed_promotion()
    {
        await FinishAsync("staged", EnvironmentNames.Staging, "abc123", PromotionState.Succeeded, StepOutcome.Passed);

        var facts = await Get<StoredFactsReader>().ReadAsync(EnvironmentNames.Production, "abc123", Now);

        var prior = Assert.Single(facts.PriorPromotions);
        Assert.Equal(("staged", EnvironmentNames.Staging, "abc123", true, false, Now.AddHours(-1)),
            (prior.PromotionId, prior.Environment, prior.CommitSha, prior.Succeeded, prior.ParitySkipped, prior.CompletedAt));
        Assert.Equal(6, prior.Steps.Count);
        Assert.True(prior.IsCleanSuccess);
    }

    [Fact]
    public async Task Acknowledged_parity_skips_failures_and_other_commits_come_back_as_they_are()
    {
        await FinishAsync("skipped", EnvironmentNames.Staging, "abc123", PromotionState.Succeeded, StepOutcome.Skipped, skipParity: true);
        await FinishAsync("failed", EnvironmentNames.Staging, "abc123", PromotionState.Failed, StepOutcome.Failed);
        await FinishAsync("other", EnvironmentNames.Staging, "def456", PromotionState.Succeeded, StepOutcome.Passed);
        await Get<PromotionStore>().AddAsync(NewPromotion("unfinished", commitSha: "abc123", state: PromotionState.Running));

        var facts = await Get<StoredFactsReader>().ReadAsync(EnvironmentNames.Production, "abc123", Now);

        Assert.Equal(["failed", "skipped"], facts.PriorPromotions.Select(p => p.PromotionId).Order());
        var skipped = facts.PriorPromotions.Single(p => p.PromotionId == "skipped");
        Assert.True(skipped.ParitySkipped);
        Assert.True(skipped.IsCleanSuccess);
        var failed = facts.PriorPromotions.Single(p => p.PromotionId == "failed");
        Assert.False(failed.Succeeded);
        Assert.Equal(StepOutcome.Failed, failed.Steps[PromotionStep.ParityGate]);
    }

    [Fact]
    public async Task Staging_verifications_of_the_commit_come_back_as_recorded()
    {
        var verifications = Get<StagingVerificationStore>();
        var recorded = new StagingVerification(EnvironmentNames.Staging, "abc123", "Alice", Now.AddMinutes(-30), true, true, true, "smoke suite green");
        await verifications.RecordAsync(recorded);
        await verifications.RecordAsync(recorded with { CommitSha = "def456" });

        var facts = await Get<StoredFactsReader>().ReadAsync(EnvironmentNames.Production, "abc123", Now);

        Assert.Equal([recorded], facts.Verifications);
        Assert.True(facts.Verifications[0].IsComplete);
    }

    [Fact]
    public async Task Only_current_write_windows_of_the_target_environment_are_facts()
    {
        var windows = Get<WriteWindowStore>();
        await windows.OpenAsync(EnvironmentNames.Production, "CR-1001", Person("Alice"), Now.AddMinutes(-30), Now.AddMinutes(30));
        await windows.OpenAsync(EnvironmentNames.Production, "CR-0999", Person("Alice"), Now.AddHours(-3), Now.AddHours(-2));
        await windows.OpenAsync(EnvironmentNames.Staging, "CR-1002", Person("Bob"), Now.AddMinutes(-5), Now.AddMinutes(30));

        var facts = await Get<StoredFactsReader>().ReadAsync(EnvironmentNames.Production, "abc123", Now);

        var window = Assert.Single(facts.WriteWindows);
        Assert.Equal(new WriteWindow(EnvironmentNames.Production, "CR-1001", "Alice", Now.AddMinutes(-30), Now.AddMinutes(30)), window);
        Assert.True(window.IsOpenAt(Now));
    }

    [Fact]
    public async Task The_environment_lock_is_the_promotion_in_flight()
    {
        await Get<PromotionLocks>().TryAcquireAsync(EnvironmentNames.Production, "k7m2q9xa", "Alice", Now.AddMinutes(-3));

        var production = await Get<StoredFactsReader>().ReadAsync(EnvironmentNames.Production, "abc123", Now);
        var staging = await Get<StoredFactsReader>().ReadAsync(EnvironmentNames.Staging, "abc123", Now);

        Assert.Equal([new PromotionInFlight("k7m2q9xa", EnvironmentNames.Production, "Alice", Now.AddMinutes(-3))], production.InFlight);
        Assert.Empty(staging.InFlight);
    }

    public sealed class OnSqlite() : StoredFactsReaderTests(new SqliteTestDatabase())
    {
        // Issue #16: the five reads share one connection, not one opened (and set up with EF Core's SQLite functions) per read.
        [Fact]
        public async Task A_decisions_five_reads_open_one_connection()
        {
            await Get<PromotionLocks>().TryAcquireAsync(EnvironmentNames.Staging, "holder01", "Alice", Now);

            using var opens = new ConnectionOpens(Storage.ContentRoot);
            var facts = await Get<StoredFactsReader>().ReadAsync(EnvironmentNames.Staging, "abc123", Now, default, promotionId: "k7m2q9xa");

            Assert.Equal(1, opens.Count);
            Assert.Equal("holder01", Assert.Single(facts.InFlight).PromotionId);
        }

        // Issue #16: a request's facts are read once while nothing that could change them was written.
        [Fact]
        public async Task The_same_requests_facts_come_from_memory_while_only_turns_have_been_written_since()
        {
            var reader = Get<StoredFactsReader>();
            await reader.ReadAsync(EnvironmentNames.Staging, "abc123", Now);

            using var opens = new ConnectionOpens(Storage.ContentRoot);
            Assert.NotNull(await Get<InboundTurnStore>().AcceptAsync(new InboundTurnAcceptance("teams", "a1", "conversation", "{}"), Now));
            await Get<AuditLog>().AppendAsync(new AuditEntry(Now, Person("Alice"), "dry-run", Environment: EnvironmentNames.Staging));
            await reader.ReadAsync(EnvironmentNames.Staging, "abc123", Now.AddSeconds(1));
            Assert.Equal(0, opens.Count);

            // Another request is read from the database, and so is the same one after KeptAtMost.
            await reader.ReadAsync(EnvironmentNames.Production, "abc123", Now.AddSeconds(1));
            Assert.Equal(1, opens.Count);
            await reader.ReadAsync(EnvironmentNames.Staging, "abc123", Now + StoredFactsReader.KeptAtMost);
            Assert.Equal(2, opens.Count);
        }

        [Fact]
        public async Task Facts_are_read_from_the_database_while_a_write_is_under_way()
        {
            var reader = Get<StoredFactsReader>();
            await reader.ReadAsync(EnvironmentNames.Staging, "abc123", Now);

            // Once a write has begun it may have committed already (its writer is given back just after the commit).
            await using var writing = Storage.CreateContext();
            using (await writing.EnterWriterAsync(CancellationToken.None))
            {
                using var opens = new ConnectionOpens(Storage.ContentRoot);
                await reader.ReadAsync(EnvironmentNames.Staging, "abc123", Now);
                Assert.Equal(1, opens.Count);
            }
        }

        [Fact]
        public async Task A_lock_taken_between_two_decisions_is_a_fact_of_the_second()
        {
            var reader = Get<StoredFactsReader>();
            Assert.Empty((await reader.ReadAsync(EnvironmentNames.Staging, "abc123", Now)).InFlight);

            await Get<PromotionLocks>().TryAcquireAsync(EnvironmentNames.Staging, "holder01", "Alice", Now);

            Assert.Equal("holder01", Assert.Single((await reader.ReadAsync(EnvironmentNames.Staging, "abc123", Now)).InFlight).PromotionId);
        }

        [Fact]
        public async Task A_run_finished_between_two_decisions_is_a_fact_of_the_second()
        {
            var reader = Get<StoredFactsReader>();
            var before = await reader.ReadAsync(EnvironmentNames.Production, "abc123", Now);
            Assert.Empty(before.PriorPromotions);

            await FinishAsync("staged", EnvironmentNames.Staging, "abc123", PromotionState.Succeeded, StepOutcome.Passed);

            Assert.Equal("staged", Assert.Single((await reader.ReadAsync(EnvironmentNames.Production, "abc123", Now)).PriorPromotions).PromotionId);
        }

        [Fact]
        public async Task A_write_window_is_not_current_once_it_has_ended_though_nothing_was_written()
        {
            // Ends within KeptAtMost of the first read, so only its end can send the third read back to the database.
            var endsAt = Now.AddSeconds(2);
            await Get<WriteWindowStore>().OpenAsync(EnvironmentNames.Production, "CR-1001", Person("Alice"), Now.AddMinutes(-30), endsAt);
            var reader = Get<StoredFactsReader>();

            Assert.Single((await reader.ReadAsync(EnvironmentNames.Production, "abc123", Now)).WriteWindows);
            Assert.Single((await reader.ReadAsync(EnvironmentNames.Production, "abc123", endsAt.AddTicks(-10))).WriteWindows);
            Assert.Empty((await reader.ReadAsync(EnvironmentNames.Production, "abc123", endsAt)).WriteWindows);
            // Nor when asked about an earlier time than the facts were read at.
            Assert.Single((await reader.ReadAsync(EnvironmentNames.Production, "abc123", Now)).WriteWindows);
        }
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : StoredFactsReaderTests(cluster);

    private static Actor Person(string name) => new($"test:{name.ToLowerInvariant()}", name);
}
