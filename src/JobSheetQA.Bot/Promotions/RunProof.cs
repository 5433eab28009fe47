namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// What a workflow run proves about the promotion it was dispatched for (issue #13). A promotion succeeds only when the
/// commit that was judged is the commit that was built: fail closed, whatever GitHub's conclusion says.
/// </summary>
public static class RunProof
{
    /// <summary>True when the run built the commit the decision judged (full sha, case-insensitive).</summary>
    public static bool BuiltJudgedCommit(string judgedCommit, string builtCommit) =>
        string.Equals(judgedCommit, builtCommit, StringComparison.OrdinalIgnoreCase);
}
