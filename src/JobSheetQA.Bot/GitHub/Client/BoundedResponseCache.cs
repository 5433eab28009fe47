using Octokit.Caching;
using Octokit.Internal;

namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Octokit's ETag store: with it set, repeated GETs send <c>If-None-Match</c> and a 304 (which costs no
/// primary rate limit) is answered from here. Bounded, least recently used first out.</summary>
public sealed class BoundedResponseCache : IResponseCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedResponse.V1 Response)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedResponse.V1 Response)> _recency = new();
    private readonly Lock _gate = new();

    public BoundedResponseCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public Task<CachedResponse.V1> GetAsync(IRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = KeyOf(request);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
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
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
            }

            var node = _recency.AddFirst((key, cachedResponse));
            _entries[key] = node;
            while (_entries.Count > _capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
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
