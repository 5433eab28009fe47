namespace JobSheetQA.Bot.GitHub;

/// <summary>Settings from the <c>GitHub</c> section (environment variables use <c>GitHub__Key</c>). The key names are a contract.</summary>
public sealed class GitHubOptions
{
    public const string SectionName = "GitHub";

    public const string DefaultBaseUrl = "https://api.github.com/";

    /// <summary><c>GitHub:Mode</c>: <c>Sandbox</c> (no real GitHub) or <c>GitHub</c>. Left out, it is <c>Sandbox</c> in
    /// Development and a start-up error anywhere else, so a forgotten setting never sends production promotions to the
    /// simulator (<see cref="GitHubOptionsValidator"/>).</summary>
    public GitHubMode? Mode { get; set; }

    /// <summary><c>GitHub:BaseUrl</c>: the REST root; GHES uses <c>https://host/api/v3/</c>. Tokens go only over https:
    /// plain http is accepted for a loopback host alone (the sandbox, tests).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary><c>GitHub:Owner</c>: the application repository's owner.</summary>
    public string? Owner { get; set; }

    /// <summary><c>GitHub:Repository</c>: the application repository's name.</summary>
    public string? Repository { get; set; }

    /// <summary><c>GitHub:Workflow</c>: the promotion workflow file name (runbook §2).</summary>
    public string Workflow { get; set; } = "promotion.yml";

    /// <summary><c>GitHub:Token</c>: a fine-grained personal access token. Exclusive with <see cref="App"/>.</summary>
    public string? Token { get; set; }

    /// <summary><c>GitHub:App:*</c>: GitHub App credentials. Exclusive with <see cref="Token"/>.</summary>
    public GitHubAppOptions App { get; set; } = new();

    /// <summary><c>GitHub:RequestTimeout</c>: how long one HTTP request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>GitHub:MaxAttempts</c>: tries per idempotent call for 5xx and timeouts (never for 4xx).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary><c>GitHub:RetryBaseDelay</c>: first backoff; it doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>GitHub:RetryMaxDelay</c>: the cap on a single backoff.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>GitHub:MaxRateLimitWait</c>: the longest the gateway waits for a rate limit before returning a rate-limited result.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary><c>GitHub:SecondaryRateLimitBackoff</c>: the wait when a secondary limit gives no Retry-After (GitHub: at least a minute).</summary>
    public TimeSpan SecondaryRateLimitBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>GitHub:CorrelationTimeout</c>: how long to look for a dispatched run by its correlation id.</summary>
    public TimeSpan CorrelationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>GitHub:CorrelationPollInterval</c>: the first interval between looks; it grows to three times this.</summary>
    public TimeSpan CorrelationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>GitHub:PageSize</c>: items per page when listing every job of a run (GitHub allows up to 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary><c>GitHub:ResponseCacheEntries</c>: how many ETag'd responses to keep for conditional requests.</summary>
    public int ResponseCacheEntries { get; set; } = 1000;

    /// <summary><c>GitHub:FactsCacheEntries</c>: how many facts fixed by a commit (a file at a commit) to keep in memory.</summary>
    public int FactsCacheEntries { get; set; } = 512;

    /// <summary><c>GitHub:FactsFreshness</c>: how long secrets, variables and (for dry runs only) HEAD are answered from
    /// memory before being asked again with a conditional request; a webhook delivery forgets them at once. Zero: always ask.</summary>
    public TimeSpan FactsFreshness { get; set; } = TimeSpan.FromSeconds(5);

    internal bool HasToken => !string.IsNullOrWhiteSpace(Token);
}
