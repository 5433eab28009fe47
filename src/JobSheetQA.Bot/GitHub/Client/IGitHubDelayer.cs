namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Waits between retries and polls. Substituted in tests so backoffs and rate-limit waits are observable and fast.</summary>
public interface IGitHubDelayer
{
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}
