namespace JobSheetQA.Rules.Facts;

/// <summary>Git ref spellings: <c>main</c> and <c>refs/heads/main</c> name the same branch.</summary>
public static class GitRef
{
    private const string BranchPrefix = "refs/heads/";

    /// <summary>The branch a ref designates (<c>refs/heads/main</c> → <c>main</c>); other refs are returned as they are.</summary>
    public static string BranchOf(string gitRef) =>
        gitRef.StartsWith(BranchPrefix, StringComparison.Ordinal) ? gitRef[BranchPrefix.Length..] : gitRef;
}
