using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>
/// Issue #16: on SQLite the write-ahead log is copied into the database file by a thread of its own, not by the commit
/// that happens to take it past 1,000 pages while the process's one writer waits. A short log is copied without the
/// writer; a long one is finished under it, so that the next commit starts the log again instead of growing it.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("jobsheetqa-checkpoint-").FullName;
    private readonly SqliteWriteFunnel funnel = new(SqliteSynchronous.Normal);
    private readonly SqliteConnection writer;
    private readonly SqliteCheckpointer checkpointer;

    public SqliteCheckpointerTests()
    {
        var path = Path.Combine(folder, "bot.db");
        writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        writer.Open();
        Execute("PRAGMA journal_mode=WAL;");
        funnel.Configure(writer);
        Execute("CREATE TABLE pages (body BLOB NOT NULL);");
        checkpointer = new SqliteCheckpointer(path, funnel, NullLogger<SqliteCheckpointer>.Instance);
    }

    [Fact]
    public async Task A_short_log_is_copied_while_another_write_holds_the_writer()
    {
        WritePages(20);
        using var connection = checkpointer.Open();
        using var other = new SqliteConnection();

        WalCheckpoint copied;
        using (funnel.Enter(other))
        {
            // Bounded: a checkpoint that waited for the writer would wait for ever here.
            copied = await Task.Run(() => checkpointer.Checkpoint(connection)).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.InRange(copied.LogPages, 20, SqliteCheckpointer.RestartAfterPages - 1);
        Assert.Equal(copied.LogPages, copied.CopiedPages);
    }

    [Fact]
    public async Task A_long_log_is_finished_under_the_writer_and_the_next_commit_starts_it_again()
    {
        WritePages(SqliteCheckpointer.RestartAfterPages + 200);
        using var connection = checkpointer.Open();
        // Copied once already: the first pass below has nothing left to copy, so only the writer can hold it up.
        checkpointer.Checkpoint(connection);
        using var other = new SqliteConnection();

        Task<WalCheckpoint> checkpoint;
        using (funnel.Enter(other))
        {
            checkpoint = Task.Run(() => checkpointer.Checkpoint(connection));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(checkpoint.IsCompleted, "a long log was finished without the writer, so the next commit may still find pages to copy");
        }

        var finished = await checkpoint.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(finished.LogPages >= SqliteCheckpointer.RestartAfterPages, $"the log held {finished.LogPages} pages");
        Assert.Equal(finished.LogPages, finished.CopiedPages);

        WritePages(1);
        var afterNextCommit = checkpointer.Checkpoint(connection);
        Assert.True(afterNextCommit.LogPages < 10, $"the next commit grew the log to {afterNextCommit.LogPages} pages instead of starting it again");
    }

    [Fact]
    public void Taking_the_writer_to_finish_the_log_counts_as_no_write()
    {
        WritePages(SqliteCheckpointer.RestartAfterPages + 200);
        using var connection = checkpointer.Open();
        var (writes, generation) = (funnel.WritesEnded, funnel.Generation);

        Assert.True(checkpointer.Checkpoint(connection).LogPages >= SqliteCheckpointer.RestartAfterPages, "the log was too short to take the writer");

        // Counted, it would wake the checkpointer again and again on an idle bot, and send decisions back to the database.
        Assert.Equal(writes, funnel.WritesEnded);
        Assert.Equal(generation, funnel.Generation);
    }

    [Fact]
    public async Task In_the_running_app_the_log_is_copied_in_the_background_before_a_commit_would_copy_it()
    {
        await using var storage = await new SqliteTestDatabase().StartAsync();
        var path = storage.Get<IOptions<StorageOptions>>().Value.SqliteDatabasePath(storage.ContentRoot);
        var before = new FileInfo(path).Length;

        // Some 1,200 pages in 600 commits through the turn path's writer (about 4,000 log pages with the pages each commit
        // writes again): past the restart size, short of the commits' own fallback.
        var body = new string('x', 3_000);
        var batchWriter = storage.Get<SqliteBatchWriter>();
        for (var i = 0; i < 600; i++)
            await batchWriter.WriteAsync(statements => statements.Execute(
                "INSERT INTO processed_inbound (channel, inbound_id, received_at) VALUES ('teams', $id, '2026-12-03 09:00:00')",
                ("$id", $"{i}-{body}")));

        // In WAL mode only a checkpoint writes to the database file.
        await Eventually.TrueAsync(() => new FileInfo(path).Length > before + (2L << 20), "the log copied into the database file");
    }

    private void WritePages(int pages)
    {
        var body = new byte[3_000];
        for (var i = 0; i < pages; i++)
        {
            using var command = writer.CreateCommand();
            command.CommandText = "INSERT INTO pages (body) VALUES ($body);";
            command.Parameters.AddWithValue("$body", body);
            command.ExecuteNonQuery();
        }
    }

    private void Execute(string sql)
    {
        using var command = writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        writer.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
