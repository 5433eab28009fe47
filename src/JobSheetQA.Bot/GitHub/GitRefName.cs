using JobSheetQA.Bot.GitHub.Client;

namespace JobSheetQA.Bot.GitHub;

/// <summary>
/// Whether a branch or ref someone typed is a name git would accept (git check-ref-format: no <c>..</c>, <c>@{</c>,
/// control characters, spaces, leading <c>-</c> or <c>/</c>, …), also once percent-decoded. The gateway refuses such a
/// ref before building any request; callers ask here first so they can word the refusal.
/// </summary>
public static class GitRefName
{
    /// <summary>Why <paramref name="value"/> is not a valid ref name ("it contains '..'"), or null when it is one.</summary>
    public static string? Problem(string value) => GitHubPaths.RefProblem(value);

    /// <summary>The value as it may be shown or logged: control characters written as <c>\uXXXX</c>.</summary>
    public static string Printable(string value) => GitHubPaths.Printable(value);
}
