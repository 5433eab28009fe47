using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>What one poll of a promotion found, which decides when (and whether) the next poll runs.</summary>
/// <param name="Finished">Nothing is left to do: the promotion is final and everything about it was posted.</param>
/// <param name="Error">The GitHub failure that stopped this poll; the next poll backs off.</param>
public sealed record PollOutcome(bool Finished, GitHubError? Error = null)
{
    public static PollOutcome Done { get; } = new(true);

    public static PollOutcome Again { get; } = new(false);

    public static PollOutcome Failed(GitHubError error) => new(false, error);
}
