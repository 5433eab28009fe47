namespace JobSheetQA.Rules.Policy;

/// <summary>One problem found in a policy file, located so an operator can go straight to it.</summary>
/// <param name="Source">The file (or source name) the policy came from.</param>
/// <param name="Line">1-based line; 0 when the problem is not tied to a position (say, the file is missing).</param>
/// <param name="Column">1-based column; 0 when <paramref name="Line"/> is 0.</param>
/// <param name="KeyPath">Where in the policy, e.g. <c>environments[1].allow_parity_skip</c>; empty for syntax errors.</param>
/// <param name="Message">What is wrong and, where it helps, what is expected.</param>
public sealed record PolicyError(string Source, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>Compiler-style text: <c>rules/policy.yaml:21:5: environments[1].allow_parity_skip: message</c>.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
        return KeyPath.Length > 0 ? $"{location}: {KeyPath}: {Message}" : $"{location}: {Message}";
    }
}
