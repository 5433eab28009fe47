using System.Net;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>
/// A sandbox started again on the same state file carries on: runs from before the restart are served and finish, what
/// happened to them (a cancel) is remembered, and ids are never handed out twice.
/// </summary>
public sealed class SandboxStateFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("jobsheetqa-sandbox-state-").FullName;

    private string StateFile => Path.Combine(folder, "github-sandbox.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_run_dispatched_before_a_restart_finishes_after_it_and_new_runs_get_new_ids()
    {
        long runId;
        await using (var before = await StartAsync())
        {
            runId = await before.DispatchAsync("staging");
            before.Time.Advance(SandboxTestContext.Tick); // Validate Request has started
        }

        await using var after = await StartAsync();
        var run = await after.RunToCompletionAsync(runId);
        var next = await after.DispatchAsync("staging");

        Assert.Equal("success", run.Conclusion?.StringValue);
        Assert.Equal(6, (await after.JobsAsync(runId)).Count);
        Assert.True(next > runId, $"run id {next} after a restart, {runId} before it");
        Assert.Empty((await after.JobsAsync(runId)).Select(j => j.Id).Intersect((await after.JobsAsync(next)).Select(j => j.Id)));
    }

    [Fact]
    public async Task A_cancel_is_remembered_across_a_restart()
    {
        long runId;
        await using (var before = await StartAsync())
        {
            runId = await before.DispatchAsync("production");
            before.Time.Advance(SandboxTestContext.Tick);
            using var cancel = await before.Http.PostAsync(new Uri($"{before.RepoPath}/actions/runs/{runId}/cancel", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        await using var after = await StartAsync();
        var run = await after.RunToCompletionAsync(runId);

        Assert.Equal("cancelled", run.Conclusion?.StringValue);
    }

    [Fact]
    public async Task A_reset_forgets_the_runs_but_not_the_ids_handed_out()
    {
        await using var sandbox = await StartAsync();
        var first = await sandbox.DispatchAsync("staging");

        sandbox.Sandbox.Control.Reset();
        var second = await sandbox.DispatchAsync("staging");

        Assert.True(second > first, $"run id {second} after a reset, {first} before it");
        Assert.Single(sandbox.Sandbox.Control.ListRuns());
    }

    [Fact]
    public async Task An_unreadable_state_file_stops_the_start_and_says_what_to_do()
    {
        await File.WriteAllTextAsync(StateFile, "{ not json");

        var failure = await Assert.ThrowsAnyAsync<Exception>(StartAsync);

        Assert.Contains(StateFile, failure.Message, StringComparison.Ordinal);
        Assert.Contains("delete the file", failure.Message, StringComparison.Ordinal);
    }

    private Task<SandboxTestContext> StartAsync() => SandboxTestContext.StartAsync(options => options.StateFile = StateFile);
}
