using JobSheetQA.Bot.Hosting.Inbound;
using Microsoft.AspNetCore.Http;

namespace JobSheetQA.Bot.Tests.Hosting.Inbound;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)] // chunked: no Content-Length
    public async Task A_body_within_the_limit_is_read_exactly_across_several_chunks(bool withLength)
    {
        var sent = Bytes(40_000);

        var read = await RequestBody.ReadAsync(Request(sent, withLength ? sent.Length : null), limit: 64 * 1024, CancellationToken.None);

        Assert.Equal(sent, read);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_refused(bool withLength)
    {
        var sent = Bytes(20_000);

        Assert.Null(await RequestBody.ReadAsync(Request(sent, withLength ? sent.Length : null), limit: 19_999, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_returned_as_sent()
    {
        var sent = Bytes(100);

        var read = await RequestBody.ReadAsync(Request(sent, declaredLength: 500), limit: 1024, CancellationToken.None);

        Assert.Equal(sent, read);
    }

    [Fact]
    public async Task An_empty_body_is_an_empty_array()
    {
        Assert.Empty((await RequestBody.ReadAsync(Request([], declaredLength: 0), limit: 1024, CancellationToken.None))!);
        Assert.Empty((await RequestBody.ReadAsync(Request([], declaredLength: null), limit: 1024, CancellationToken.None))!);
    }

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 31)).ToArray();

    private static HttpRequest Request(byte[] body, long? declaredLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = declaredLength;
        return context.Request;
    }
}
