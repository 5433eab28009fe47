using System.Collections.Concurrent;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.GitHub;

/// <summary>
/// <see cref="IRepositoryFacts"/> with each fact kept as long as what makes it true: a file at a commit sha never changes,
/// so it is kept (bounded, least used out) until evicted; secrets, variables and HEAD can change at any time, so they are
/// kept for <see cref="GitHubOptions.FactsFreshness"/> at most and forgotten on every webhook delivery (<see cref="Forget"/>).
/// HEAD, secrets and variables are only served from memory to the <c>GetRecent…</c> methods (dry runs); a decision that
/// can dispatch, and anything that reads a flag back after writing it, always asks GitHub (HEAD with a conditional
/// request that is usually a 304).
/// </summary>
public sealed class CachingRepositoryFacts : IRepositoryFacts, IDisposable
{
    private readonly IRepositoryFacts inner;
    private readonly TimeProvider time;
    private readonly TimeSpan freshness;
    private readonly MemoryCache byCommit;
    private readonly ConcurrentDictionary<string, Recent> recent = new(StringComparer.Ordinal);
    private long generation;

    public CachingRepositoryFacts(IRepositoryFacts inner, TimeProvider time, IOptions<GitHubOptions> options)
    {
        this.inner = inner;
        this.time = time;
        freshness = options.Value.FactsFreshness;
        byCommit = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.FactsCacheEntries });
    }

    /// <summary>Forgets every fact that can change without a new commit (HEAD, secrets, variables); called for each
    /// webhook delivery, since a push or an Actions event is the sign that one of them may have moved.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref generation);
        recent.Clear();
    }

    public async Task<GitHubResult<BranchHead>> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        var started = Volatile.Read(ref generation);
        var head = await inner.GetBranchHeadAsync(branch, cancellationToken);
        if (head.Succeeded)
            Remember($"head|{branch}", head.Value, started);
        return head;
    }

    public async Task<GitHubResult<BranchHead>> GetRecentBranchHeadAsync(string branch, CancellationToken cancellationToken = default) =>
        Fresh<BranchHead>($"head|{branch}") is { } known
            ? GitHubResult<BranchHead>.Success(known)
            : await GetBranchHeadAsync(branch, cancellationToken);

    public async Task<GitHubResult<RepositoryFile>> GetFileAsync(string path, string @ref, CancellationToken cancellationToken = default)
    {
        if (!IsCommitSha(@ref))
            return await inner.GetFileAsync(path, @ref, cancellationToken);

        var key = $"file|{@ref.ToLowerInvariant()}|{path}";
        if (byCommit.TryGetValue(key, out RepositoryFile? known) && known is not null)
            return GitHubResult<RepositoryFile>.Success(known);

        var file = await inner.GetFileAsync(path, @ref, cancellationToken);
        if (file.Succeeded)
            byCommit.Set(key, file.Value, new MemoryCacheEntryOptions { Size = 1 });
        return file;
    }

    public Task<GitHubResult<SecretPresence>> GetSecretPresenceAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        AskAsync(SecretsKey(environment, names), () => inner.GetSecretPresenceAsync(environment, names, cancellationToken));

    public Task<GitHubResult<SecretPresence>> GetRecentSecretPresenceAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        RecentOrAskAsync(SecretsKey(environment, names), () => inner.GetSecretPresenceAsync(environment, names, cancellationToken));

    public Task<GitHubResult<IReadOnlyList<PostureFlag>>> GetEnvironmentVariablesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        AskAsync(VariablesKey(environment, names), () => inner.GetEnvironmentVariablesAsync(environment, names, cancellationToken));

    public Task<GitHubResult<IReadOnlyList<PostureFlag>>> GetRecentEnvironmentVariablesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        RecentOrAskAsync(VariablesKey(environment, names), () => inner.GetEnvironmentVariablesAsync(environment, names, cancellationToken));

    /// <summary>Not cached: the newest nightly run is what the rule is about, and it changes without a commit.</summary>
    public Task<GitHubResult<NightlyParityReport?>> GetLatestNightlyParityAsync(NightlyParityPolicy nightly, string? branch, CancellationToken cancellationToken = default) =>
        inner.GetLatestNightlyParityAsync(nightly, branch, cancellationToken);

    public void Dispose() => byCommit.Dispose();

    /// <summary>A full 40-hex commit sha (a branch may be named like a short one, so only the full form counts).</summary>
    internal static bool IsCommitSha(string value) => value.Length == 40 && value.All(Uri.IsHexDigit);

    private static string SecretsKey(string environment, IReadOnlyCollection<string> names) => $"secrets|{environment}|{string.Join(',', names)}";

    private static string VariablesKey(string environment, IReadOnlyCollection<string> names) => $"variables|{environment}|{string.Join(',', names)}";

    private async Task<GitHubResult<T>> RecentOrAskAsync<T>(string key, Func<Task<GitHubResult<T>>> ask)
        where T : class =>
        Fresh<T>(key) is { } known ? GitHubResult<T>.Success(known) : await AskAsync(key, ask);

    /// <summary>Asks GitHub, and keeps the answer for the dry runs that follow.</summary>
    private async Task<GitHubResult<T>> AskAsync<T>(string key, Func<Task<GitHubResult<T>>> ask)
        where T : class
    {
        var started = Volatile.Read(ref generation);
        var answer = await ask();
        if (answer.Succeeded)
            Remember(key, answer.Value, started);
        return answer;
    }

    private T? Fresh<T>(string key)
        where T : class =>
        freshness > TimeSpan.Zero && recent.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.ReadAt < freshness
            ? entry.Value as T
            : null;

    /// <summary>Keeps an answer unless a webhook arrived while it was being read: it may predate the change announced.</summary>
    private void Remember(string key, object value, long startedAt)
    {
        if (freshness <= TimeSpan.Zero)
            return;
        recent[key] = new Recent(value, time.GetUtcNow());
        if (Volatile.Read(ref generation) != startedAt)
            recent.TryRemove(key, out _);
    }

    private sealed record Recent(object Value, DateTimeOffset ReadAt);
}
