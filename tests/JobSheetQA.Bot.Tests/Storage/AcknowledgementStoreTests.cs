using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class AcknowledgementStoreTests(IStorageTestDatabase database) : StorageTests(database)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Get<PromotionStore>().AddAsync(NewPromotion("k7m2q9xa", skipParity: true, state: PromotionState.AwaitingAcknowledgement));
    }

    private Task<Bot.Storage.Entities.AcknowledgementEntity> RequestAsync(DateTimeOffset? at = null) =>
        Get<AcknowledgementStore>().RequestAsync(
            "k7m2q9xa", "teams", "user-alice", "staging", "abc123", "REQ-SKIP-ACK", "I_ACCEPT_PARITY_SKIP", at ?? Now, Lifetime);

    [Fact]
    public async Task The_requester_can_use_an_acknowledgement_once()
    {
        var store = Get<AcknowledgementStore>();
        var acknowledgement = await RequestAsync();

        Assert.Equal(AcknowledgementUse.Used, await store.TryUseAsync(acknowledgement.Id, "teams", "user-alice", Now.AddMinutes(1)));
        Assert.Equal(AcknowledgementUse.AlreadyUsed, await store.TryUseAsync(acknowledgement.Id, "teams", "user-alice", Now.AddMinutes(2)));

        var stored = await store.FindAsync(acknowledgement.Id);
        Assert.Equal(AcknowledgementState.Used, stored!.State);
        Assert.Equal(Now.AddMinutes(1), stored.UsedAt);
    }

    [Fact]
    public async Task Of_ten_parallel_uses_exactly_one_is_accepted()
    {
        var store = Get<AcknowledgementStore>();
        var acknowledgement = await RequestAsync();

        var results = await RaceAsync(10, _ => store.TryUseAsync(acknowledgement.Id, "teams", "user-alice", Now.AddMinutes(1)));

        Assert.Single(results, r => r == AcknowledgementUse.Used);
        Assert.All(results.Where(r => r != AcknowledgementUse.Used), r => Assert.Equal(AcknowledgementUse.AlreadyUsed, r));
    }

    [Fact]
    public async Task Another_user_cannot_use_it_and_it_stays_pending_for_the_requester()
    {
        var store = Get<AcknowledgementStore>();
        var acknowledgement = await RequestAsync();

        Assert.Equal(AcknowledgementUse.NotRequester, await store.TryUseAsync(acknowledgement.Id, "teams", "user-bob", Now.AddMinutes(1)));
        Assert.Equal(AcknowledgementUse.NotRequester, await store.TryUseAsync(acknowledgement.Id, "slack", "user-alice", Now.AddMinutes(1)));

        Assert.Equal(AcknowledgementUse.Used, await store.TryUseAsync(acknowledgement.Id, "teams", "user-alice", Now.AddMinutes(2)));
    }

    [Fact]
    public async Task An_acknowledgement_past_its_expiry_cannot_be_used()
    {
        var store = Get<AcknowledgementStore>();
        var acknowledgement = await RequestAsync();

        Assert.Equal(AcknowledgementUse.Expired, await store.TryUseAsync(acknowledgement.Id, "teams", "user-alice", Now + Lifetime));
        Assert.Equal(AcknowledgementUse.NotFound, await store.TryUseAsync("no-such-id", "teams", "user-alice", Now));
    }

    [Fact]
    public async Task Expiry_marks_each_due_acknowledgement_once_and_leaves_the_others_pending()
    {
        var store = Get<AcknowledgementStore>();
        var due = await RequestAsync(Now.AddMinutes(-11));
        var fresh = await RequestAsync(Now.AddMinutes(-1));

        var expired = await store.ExpireDueAsync(Now);
        var again = await store.ExpireDueAsync(Now);

        Assert.Equal([due.Id], expired.Select(a => a.Id));
        Assert.Empty(again);
        Assert.Equal(AcknowledgementState.Expired, (await store.FindAsync(due.Id))!.State);
        Assert.Equal([fresh.Id], (await store.PendingForRequesterAsync("teams", "user-alice", Now)).Select(a => a.Id));
    }

    [Fact]
    public async Task Cancelling_a_promotion_cancels_its_pending_acknowledgement()
    {
        var store = Get<AcknowledgementStore>();
        var acknowledgement = await RequestAsync();

        Assert.Equal(1, await store.CancelForPromotionAsync("k7m2q9xa"));

        Assert.Equal(AcknowledgementUse.Cancelled, await store.TryUseAsync(acknowledgement.Id, "teams", "user-alice", Now.AddMinutes(1)));
    }

    public sealed class OnSqlite() : AcknowledgementStoreTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : AcknowledgementStoreTests(cluster);
}
