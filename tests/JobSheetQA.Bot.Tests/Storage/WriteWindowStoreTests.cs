using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class WriteWindowStoreTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task Closing_a_window_ends_it_as_a_fact_and_makes_its_end_check_due()
    {
        var store = Get<WriteWindowStore>();
        var window = await store.OpenAsync(EnvironmentNames.Production, "CR-1001", Person("Alice"), Now, Now.AddHours(1));

        Assert.Equal(1, await store.CloseAsync(EnvironmentNames.Production, Person("Bob"), Now.AddMinutes(20)));

        Assert.Empty(await store.CurrentAsync(EnvironmentNames.Production, Now.AddMinutes(21)));
        Assert.Equal([window.Id], (await store.DueForEndCheckAsync(Now.AddMinutes(21))).Select(w => w.Id));
    }

    [Fact]
    public async Task The_reminder_and_the_end_check_are_each_recorded_once()
    {
        var store = Get<WriteWindowStore>();
        var window = await store.OpenAsync(EnvironmentNames.Production, "CR-1001", Person("Alice"), Now, Now.AddHours(1));

        Assert.Empty(await store.DueForReminderAsync(Now, TimeSpan.FromMinutes(10)));
        Assert.Equal([window.Id], (await store.DueForReminderAsync(Now.AddMinutes(51), TimeSpan.FromMinutes(10))).Select(w => w.Id));

        var reminders = await RaceAsync(5, _ => store.MarkReminderSentAsync(window.Id, Now.AddMinutes(51)));
        Assert.Single(reminders, sent => sent);
        Assert.Empty(await store.DueForReminderAsync(Now.AddMinutes(52), TimeSpan.FromMinutes(10)));

        Assert.Empty(await store.DueForEndCheckAsync(Now.AddMinutes(59)));
        Assert.Single(await store.DueForEndCheckAsync(Now.AddHours(1)));
        Assert.True(await store.MarkEndCheckDoneAsync(window.Id, Now.AddHours(1)));
        Assert.False(await store.MarkEndCheckDoneAsync(window.Id, Now.AddHours(1)));
        Assert.Empty(await store.DueForEndCheckAsync(Now.AddHours(2)));
    }

    [Fact]
    public async Task Of_two_windows_opened_at_once_the_later_is_withdrawn_and_the_first_kept()
    {
        var store = Get<WriteWindowStore>();
        var first = await store.OpenAsync(EnvironmentNames.Production, "CR-1", Person("Alice"), Now, Now.AddHours(1));
        var second = await store.OpenAsync(EnvironmentNames.Production, "CR-2", Person("Bob"), Now, Now.AddHours(1), conversationReferenceId: null);

        Assert.False(await store.WithdrawIfNotFirstAsync(first.Id, EnvironmentNames.Production, Actor.Bot, Now));
        Assert.True(await store.WithdrawIfNotFirstAsync(second.Id, EnvironmentNames.Production, Actor.Bot, Now));

        Assert.Equal(["CR-1"], (await store.CurrentAsync(EnvironmentNames.Production, Now.AddMinutes(1))).Select(w => w.ChangeRequest));
        // A withdrawn window never relaxed anything, so it needs no end-of-window check.
        Assert.Empty(await store.DueForEndCheckAsync(Now.AddMinutes(1)));
    }

    public sealed class OnSqlite() : WriteWindowStoreTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : WriteWindowStoreTests(cluster);

    private static Actor Person(string name) => new($"test:{name.ToLowerInvariant()}", name);
}
