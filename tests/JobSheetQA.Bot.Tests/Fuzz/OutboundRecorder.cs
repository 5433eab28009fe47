using System.Collections.Concurrent;
using System.Net;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>
/// Sits in front of a named HttpClient of the bot and records every address it is asked to call. Addresses other than
/// the test double's are answered 502 here, never sent, so a fuzz run cannot reach out; the test then fails on them.
/// </summary>
public sealed class OutboundRecorder(Func<Uri, bool> isDouble)
{
    private readonly ConcurrentQueue<Uri> elsewhere = new();
    private readonly Func<Uri, bool> isDouble = isDouble;

    /// <summary>Every address outside the double the bot tried to call.</summary>
    public IReadOnlyList<Uri> Elsewhere => elsewhere.ToList();

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(OutboundRecorder recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && recorder.isDouble(uri))
                return base.SendAsync(request, cancellationToken);
            recorder.elsewhere.Enqueue(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway));
        }
    }
}
