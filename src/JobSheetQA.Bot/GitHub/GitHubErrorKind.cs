namespace JobSheetQA.Bot.GitHub;

/// <summary>What went wrong, in terms a caller can branch on.</summary>
public enum GitHubErrorKind
{
    /// <summary>The repository, ref, workflow, run or file does not exist (404).</summary>
    NotFound,

    /// <summary>The credentials were rejected (401) or could not be obtained (GitHub App token exchange).</summary>
    Unauthorized,

    /// <summary>The credentials lack a permission (403 that is not a rate limit).</summary>
    Forbidden,

    /// <summary>GitHub rejected the request's content (400, 422).</summary>
    Validation,

    /// <summary>The request conflicts with the resource's state (409), e.g. cancelling a completed run.</summary>
    Conflict,

    /// <summary>The resource is gone for good (410), e.g. an expired artifact.</summary>
    Gone,

    /// <summary>A primary or secondary rate limit, and waiting for it would exceed the configured maximum.</summary>
    RateLimited,

    /// <summary>GitHub answered 5xx or could not be reached, after the bounded retries.</summary>
    Unavailable,

    /// <summary>GitHub did not answer within the request timeout, after the bounded retries.</summary>
    Timeout,

    /// <summary>A dispatch was (or may have been) accepted but its run could not be found by correlation id.</summary>
    RunNotFound,

    /// <summary>Anything else GitHub answered that the gateway does not understand.</summary>
    Unexpected,
}
