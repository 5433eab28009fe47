namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>What an injected fault answers (README "Fault rule").</summary>
public enum FaultKind
{
    /// <summary>500 Server Error.</summary>
    ServerError,

    /// <summary>502 Bad Gateway.</summary>
    BadGateway,

    /// <summary>403 "You have exceeded a secondary rate limit" with <c>Retry-After</c>.</summary>
    SecondaryRateLimit,

    /// <summary>429 with <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>403 "API rate limit exceeded" with <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c>.</summary>
    RateLimitExhausted,

    /// <summary>The normal answer, after <see cref="FaultRule.DelayMs"/>.</summary>
    Slow,

    /// <summary>The request is processed (a dispatch creates its run), then the answer is held for
    /// <see cref="FaultRule.DelayMs"/>: a client timeout whose side effect happened anyway.</summary>
    SlowAfterProcessing,

    /// <summary>403 "Resource not accessible by personal access token": the token lacks the permission.</summary>
    Forbidden,

    /// <summary>404 "Not Found", as GitHub answers for a deleted run or one the token cannot see.</summary>
    NotFound,
}
