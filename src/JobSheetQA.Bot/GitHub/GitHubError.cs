namespace JobSheetQA.Bot.GitHub;

/// <summary>A GitHub failure a user can act on: never an exception or a stack trace.</summary>
/// <param name="Kind">What kind of failure it was.</param>
/// <param name="Message">A sentence to show in chat, e.g. "token lacks Actions: write on owner/repo".</param>
/// <param name="StatusCode">The HTTP status GitHub answered with, when there was one.</param>
/// <param name="RetryAfter">When a rate limit lifts, for <see cref="GitHubErrorKind.RateLimited"/>.</param>
public sealed record GitHubError(GitHubErrorKind Kind, string Message, int? StatusCode = null, DateTimeOffset? RetryAfter = null)
{
    public override string ToString() => Message;
}
