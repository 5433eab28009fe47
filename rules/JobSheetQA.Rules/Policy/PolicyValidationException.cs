namespace JobSheetQA.Rules.Policy;

/// <summary>
/// The policy file cannot be used. Thrown at start-up, not per request: a host must not run with a policy it cannot trust.
/// The message lists every error, so one failed start shows everything to fix.
/// </summary>
public sealed class PolicyValidationException : Exception
{
    public PolicyValidationException(string source, IReadOnlyList<PolicyError> errors)
        : base(Describe(source, errors))
    {
        PolicySource = source;
        Errors = errors;
    }

    /// <summary>The policy file (or source name) that failed validation.</summary>
    public string PolicySource { get; }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    private static string Describe(string source, IReadOnlyList<PolicyError> errors)
    {
        var count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        var lines = errors.Select(error => $"{Environment.NewLine}  {error}");
        return $"Promotion policy {source} is invalid ({count}):{string.Concat(lines)}";
    }
}
