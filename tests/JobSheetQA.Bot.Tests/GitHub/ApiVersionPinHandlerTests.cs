using JobSheetQA.Bot.GitHub.Client;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class ApiVersionPinHandlerTests
{
    private sealed class Capture : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        }
    }

    private static async Task<string?> VersionSent(HttpMethod method, string url)
    {
        var capture = new Capture();
        using var client = new HttpClient(new ApiVersionPinHandler { InnerHandler = capture });
        await client.SendAsync(new HttpRequestMessage(method, url));
        return capture.Last!.Headers.TryGetValues(ApiVersionPinHandler.HeaderName, out var values) ? values.Single() : null;
    }

    [Fact]
    public async Task Only_dispatch_posts_are_pinned_to_2026_03_10()
    {
        Assert.Equal("2026-03-10", await VersionSent(HttpMethod.Post, "https://api.github.com/repos/o/r/actions/workflows/promotion.yml/dispatches"));
        Assert.Null(await VersionSent(HttpMethod.Get, "https://api.github.com/repos/o/r/actions/workflows/promotion.yml/dispatches"));
        Assert.Null(await VersionSent(HttpMethod.Post, "https://api.github.com/repos/o/r/actions/runs/1/cancel"));
        Assert.Null(await VersionSent(HttpMethod.Get, "https://api.github.com/repos/o/r/actions/runs/1"));
    }

    [Fact]
    public async Task The_legacy_retry_scope_sends_dispatches_unpinned()
    {
        using (ApiVersionPinHandler.SuppressForCurrentFlow())
        {
            Assert.Null(await VersionSent(HttpMethod.Post, "https://api.github.com/repos/o/r/actions/workflows/promotion.yml/dispatches"));
        }

        Assert.Equal("2026-03-10", await VersionSent(HttpMethod.Post, "https://api.github.com/repos/o/r/actions/workflows/promotion.yml/dispatches"));
    }
}
