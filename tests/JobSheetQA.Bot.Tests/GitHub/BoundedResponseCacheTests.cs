using System.Net;
using JobSheetQA.Bot.GitHub.Client;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class BoundedResponseCacheTests
{
    private static Request Get(string path) => new()
    {
        Method = HttpMethod.Get,
        BaseAddress = new Uri("https://api.github.com/"),
        Endpoint = new Uri(path, UriKind.Relative),
    };

    private static CachedResponse.V1 Response(HttpStatusCode status, string? etag, object body) =>
        new(body, new Dictionary<string, string>(), new ApiInfo(new Dictionary<string, Uri>(), [], [], etag, null, TimeSpan.Zero), status, "application/json");

    [Fact]
    public async Task Only_successful_text_responses_with_an_etag_are_kept()
    {
        var cache = new BoundedResponseCache(10);

        await cache.SetAsync(Get("a"), Response(HttpStatusCode.OK, "\"1\"", "{}"));
        await cache.SetAsync(Get("b"), Response(HttpStatusCode.OK, null, "{}"));
        await cache.SetAsync(Get("c"), Response(HttpStatusCode.NotFound, "\"3\"", "{}"));
        await cache.SetAsync(Get("d"), Response(HttpStatusCode.OK, "\"4\"", new MemoryStream()));

        Assert.NotNull(await cache.GetAsync(Get("a")));
        Assert.Null(await cache.GetAsync(Get("b")));
        Assert.Null(await cache.GetAsync(Get("c")));
        Assert.Null(await cache.GetAsync(Get("d")));
    }

    [Fact]
    public async Task The_least_recently_used_entry_leaves_first()
    {
        var cache = new BoundedResponseCache(2);
        await cache.SetAsync(Get("a"), Response(HttpStatusCode.OK, "\"a\"", "{}"));
        await cache.SetAsync(Get("b"), Response(HttpStatusCode.OK, "\"b\"", "{}"));
        Assert.NotNull(await cache.GetAsync(Get("a")));

        await cache.SetAsync(Get("c"), Response(HttpStatusCode.OK, "\"c\"", "{}"));

        Assert.Equal(2, cache.Count);
        Assert.NotNull(await cache.GetAsync(Get("a")));
        Assert.Null(await cache.GetAsync(Get("b")));
        Assert.NotNull(await cache.GetAsync(Get("c")));
    }
}
