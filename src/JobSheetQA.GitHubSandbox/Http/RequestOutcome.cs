namespace JobSheetQA.GitHubSandbox.Http;

/// <summary>What happened to an API request, for the log; <see cref="HoldFor"/> delays the answer after processing.</summary>
internal sealed record RequestOutcome(bool NotModified, Control.FaultKind? Fault, TimeSpan? HoldFor)
{
    /// <summary>Status to log when it differs from the response's (an exception on the way).</summary>
    public int? Status { get; init; }
}
