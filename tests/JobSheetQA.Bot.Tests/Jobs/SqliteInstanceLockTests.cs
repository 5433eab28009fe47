using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Support;

namespace JobSheetQA.Bot.Tests.Jobs;

public sealed class SqliteInstanceLockTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("jobsheetqa-lock-").FullName;

    private string LockPath => Path.Combine(dataDirectory, SqliteInstanceLock.FileName);

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    [Fact]
    public void A_data_folder_locked_by_another_process_is_refused_with_what_to_do()
    {
        using var otherProcess = HoldExclusively();

        var failure = Assert.Throws<InvalidOperationException>(() => SqliteInstanceLock.Acquire(dataDirectory));

        Assert.Contains($"'{dataDirectory}'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DataDirectory", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider to PostgreSql", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosts_in_one_process_share_the_lock_until_the_last_one_releases_it()
    {
        var first = SqliteInstanceLock.Acquire(dataDirectory);
        var second = SqliteInstanceLock.Acquire(dataDirectory);

        first.Dispose();
        first.Dispose();
        Assert.Throws<IOException>(HoldExclusively);

        second.Dispose();
        using var afterwards = HoldExclusively();
    }

    [Fact]
    public void The_bot_refuses_to_start_on_a_data_folder_another_instance_is_using()
    {
        using var otherProcess = HoldExclusively();

        var failure = Assert.ThrowsAny<Exception>(() => JobsTestHost.Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = dataDirectory,
        }));

        Assert.Contains("SQLite storage serves a single instance", ExceptionChain.Find<InvalidOperationException>(failure).Message, StringComparison.Ordinal);
    }

    // Stands in for another bot process: an exclusive handle on the lock file from outside SqliteInstanceLock.
    private FileStream HoldExclusively() => new(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
