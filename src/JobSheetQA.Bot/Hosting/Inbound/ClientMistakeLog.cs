using System.Collections.Concurrent;

namespace JobSheetQA.Bot.Hosting.Inbound;

/// <summary>
/// How loudly to log a client's mistake (a malformed or refused inbound request): at Warning the first time a cause is seen
/// in a <see cref="Window"/>, with how many repeats were logged at Debug since the last warning; at Debug otherwise. So a
/// client sending the same junk a thousand times leaves one Warning a minute, and an operator still sees each kind once.
/// Causes are short fixed names (<c>teams:not-json</c>), never text from the request.
/// </summary>
public sealed class ClientMistakeLog(TimeProvider time)
{
    /// <summary>The least time between two warnings for one cause.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    // Causes come from code, so there are few; the cap only guards against a caller that builds them from input.
    private const int MaxCauses = 512;

    private readonly ConcurrentDictionary<string, CauseCount> causes = new(StringComparer.Ordinal);

    /// <summary>The level for this occurrence of <paramref name="cause"/>, and the repeats not warned about since the last warning.</summary>
    public (LogLevel Level, long Repeats) Next(string cause)
    {
        if (!causes.TryGetValue(cause, out var count))
        {
            if (causes.Count >= MaxCauses)
                return (LogLevel.Debug, 0);
            count = causes.GetOrAdd(cause, _ => new CauseCount());
        }

        var now = time.GetUtcNow();
        lock (count)
        {
            if (count.WarnedAt is { } warnedAt && now - warnedAt < Window)
            {
                count.Repeats++;
                return (LogLevel.Debug, 0);
            }

            var repeats = count.Repeats;
            count.WarnedAt = now;
            count.Repeats = 0;
            return (LogLevel.Warning, repeats);
        }
    }

    private sealed class CauseCount
    {
        public DateTimeOffset? WarnedAt { get; set; }

        public long Repeats { get; set; }
    }
}
