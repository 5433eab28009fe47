using System.Collections.Concurrent;
using Octokit.Caching;
using Octokit.Internal;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>The smallest Octokit response cache: enough to make Octokit send If-None-Match.</summary>
internal sealed class InMemoryResponseCache : IResponseCache
{
    private readonly ConcurrentDictionary<string, CachedResponse.V1> entries = new();

    public Task<CachedResponse.V1> GetAsync(IRequest request) =>
        Task.FromResult(entries.TryGetValue(Key(request), out var hit) ? hit : null!);

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        entries[Key(request)] = cachedResponse;
        return Task.CompletedTask;
    }

    private static string Key(IRequest request) => request.Method + " " + new Uri(request.BaseAddress, request.Endpoint);
}
