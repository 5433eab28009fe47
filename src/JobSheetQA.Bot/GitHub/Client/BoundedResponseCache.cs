using Octokit.Caching;
using Octokit.Internal;

namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Octokit's ETag store: with it set, repeated GETs send <c>If-None-Match</c> and a 304 (which costs no
/// primary rate limit) is answered from here. Bounded, least recently used first out.</summary>
public sealed class BoundedResponseCache : IResponseCache
{
    private readonly int capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedResponse.V1 Response)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedResponse.V1 Response)> recency = new();
    private readonly Lock gate = new();

    public BoundedResponseCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public Task<CachedResponse.V1> GetAsync(IRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = KeyOf(request);
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return Task.FromResult(node.Value.Response);
            }
        }

        // Octokit treats null as "not cached"; its signature predates nullable annotations.
        return Task.FromResult<CachedResponse.V1>(null!);
    }

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Octokit offers every GET response, errors and binary streams included: keep only what a 304 may stand for.
        if (cachedResponse is null
            || (int)cachedResponse.StatusCode is < 200 or > 299
            || string.IsNullOrEmpty(cachedResponse.ApiInfo?.Etag)
            || cachedResponse.Body is not string)
        {
            return Task.CompletedTask;
        }

        var key = KeyOf(request);
        lock (gate)
        {
            if (entries.TryGetValue(key, out var existing))
            {
                recency.Remove(existing);
            }

            var node = recency.AddFirst((key, cachedResponse));
            entries[key] = node;
            while (entries.Count > capacity)
            {
                var last = recency.Last!;
                recency.RemoveLast();
                entries.Remove(last.Value.Key);
            }
        }

        return Task.CompletedTask;
    }

    private static string KeyOf(IRequest request)
    {
        request.Headers.TryGetValue("Accept", out var accept);
        return $"{request.BaseAddress}|{request.Endpoint}|{accept}";
    }
}
