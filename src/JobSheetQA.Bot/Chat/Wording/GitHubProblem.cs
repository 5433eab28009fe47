using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Chat.Wording;

/// <summary>A GitHub failure as a chat answer: what the bot was trying to read and GitHub's reason, never a stack trace.</summary>
public static class GitHubProblem
{
    public static Reply Reply(string whatFailed, GitHubError error) =>
        Replies.Reply.Text($"I could not {whatFailed}: {Describe(error)}. Nothing was changed; try again in a moment.");

    /// <summary>The error in one phrase, with when a rate limit lifts.</summary>
    public static string Describe(GitHubError error) =>
        error.RetryAfter is { } retry
            ? $"GitHub answered \"{error.Message}\" (retry after {ChatText.Utc(retry)})"
            : $"GitHub answered \"{error.Message}\"";
}
