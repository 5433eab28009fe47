using System.Text.RegularExpressions;

namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>An injected fault: which requests it hits, what it answers, how many times.</summary>
public sealed record FaultRule
{
    /// <summary>Regex searched in the request path (no query), with or without the <c>/api/v3</c> prefix.</summary>
    public required string Path { get; init; }

    /// <summary>HTTP method, or null for any.</summary>
    public string? Method { get; init; }

    public FaultKind Kind { get; init; } = FaultKind.ServerError;

    /// <summary><c>Retry-After</c> seconds for the rate-limit kinds; seconds to the reset for <see cref="FaultKind.RateLimitExhausted"/>.</summary>
    public int RetryAfterSeconds { get; init; } = 60;

    /// <summary>Real-time delay before answering.</summary>
    public int DelayMs { get; init; }

    /// <summary>How many requests it hits; 0 = every one.</summary>
    public int Count { get; init; } = 1;

    internal bool Matches(string method, string path)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var regex = new Regex(Path, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        const string prefix = "/api/v3";
        return regex.IsMatch(path)
            || (path.StartsWith(prefix, StringComparison.Ordinal) && regex.IsMatch(path[prefix.Length..]));
    }
}
