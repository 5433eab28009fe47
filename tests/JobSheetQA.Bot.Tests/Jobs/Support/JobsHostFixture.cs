namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>One jobs host shared by a test class (SQLite), started with the class's <see cref="Settings"/>.</summary>
public abstract class JobsHostFixture : IAsyncLifetime
{
    private JobsTestHost? host;

    public JobsTestHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Settings beside <c>Storage:Provider=Sqlite</c>.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public Task InitializeAsync()
    {
        host = JobsTestHost.Start(new Dictionary<string, string?>(Settings) { ["Storage:Provider"] = "Sqlite" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
    }
}
