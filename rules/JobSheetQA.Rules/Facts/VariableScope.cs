namespace JobSheetQA.Rules.Facts;

/// <summary>Where a GitHub Actions variable is set; a job reads the value of the narrowest scope that sets it.</summary>
public enum VariableScope
{
    /// <summary>The deployment environment's variables (win over the others).</summary>
    Environment,

    /// <summary>The repository's variables.</summary>
    Repository,

    /// <summary>The organisation's variables shared with the repository.</summary>
    Organization,
}
