using JobSheetQA.Bot.Tests.GitHub;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>The checks every surface's fuzz run ends with.</summary>
internal static class FuzzAssert
{
    /// <summary>No 5xx (but the protocol's own 501), no timeout, nothing sent outside the double, no Error line logged.</summary>
    public static void Clean(FuzzTally tally, OutboundRecorder? outbound, CapturingLoggerProvider logs)
    {
        Assert.True(tally.Failures.Count == 0, $"{tally}\n" + string.Join('\n', tally.Failures));
        if (outbound is not null)
            Assert.True(outbound.Elsewhere.Count == 0, "sent to refused addresses:\n" + string.Join('\n', outbound.Elsewhere.Take(20)));
        var errors = ErrorLines(logs);
        Assert.True(errors.Count == 0, $"{errors.Count} Error line(s) for client mistakes:\n" + string.Join('\n', errors.Take(5)));
    }

    public static IReadOnlyList<string> ErrorLines(CapturingLoggerProvider logs) =>
        logs.Lines.Where(line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal)).ToList();

    /// <summary>Sends with a time limit: null when no answer came in time.</summary>
    public static async Task<HttpResponseMessage?> SendAsync(Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await send(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }
}
