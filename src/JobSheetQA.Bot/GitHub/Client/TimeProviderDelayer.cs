namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Real waits on the injected <see cref="TimeProvider"/>.</summary>
internal sealed class TimeProviderDelayer(TimeProvider timeProvider) : IGitHubDelayer
{
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
}
