using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Storage.Support;

/// <summary>
/// Base of the storage integration tests: every test runs on SQLite and on PostgreSQL (each test class has an
/// <c>OnSqlite</c> and an <c>OnPostgreSql</c> subclass), against a database the real migrations just created.
/// </summary>
public abstract class StorageTests(IStorageTestDatabase database) : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private StorageTestHost? storage;

    protected StorageTestHost Storage => storage ?? throw new InvalidOperationException("The storage host has not started.");

    public virtual async Task InitializeAsync() => storage = await database.StartAsync();

    public async Task DisposeAsync()
    {
        if (storage is not null)
            await storage.DisposeAsync();
    }

    protected T Get<T>() where T : notnull => Storage.Get<T>();

    protected static PromotionEntity NewPromotion(
        string id, string environment = EnvironmentNames.Staging, string commitSha = "abc123", PromotionState state = PromotionState.Requested,
        DateTimeOffset? createdAt = null, bool skipParity = false) => new()
        {
            Id = id,
            Environment = environment,
            Ref = "main",
            CommitSha = commitSha,
            SkipParity = skipParity,
            RequesterChannel = "teams",
            RequesterUserId = "user-alice",
            RequesterDisplayName = "Alice",
            RequesterEmail = "alice@example.com",
            State = state,
            CorrelationId = "corr-" + id,
            CreatedAt = createdAt ?? Now,
            UpdatedAt = createdAt ?? Now,
        };

    /// <summary>Runs <paramref name="count"/> calls released at the same moment, so they really race.</summary>
    protected static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var gate = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                gate.Wait();
                return await call(i);
            }))
            .ToList();
        gate.Set();
        return await Task.WhenAll(tasks);
    }
}
