using System.Text;
using System.Text.RegularExpressions;

namespace JobSheetQA.Bot.GitHub;

/// <summary>
/// The last lines of a failed job's log, up to its last <c>##[error]</c> line (the failed step; what follows is the
/// runner's clean-up), without GitHub's timestamps, each line bounded and redacted (<see cref="SecretRedactor"/>).
/// </summary>
/// <param name="Lines">Oldest first; empty when the log had nothing to show.</param>
/// <param name="Truncated">True when the log was longer than what was read or shown.</param>
public sealed partial record JobLogTail(IReadOnlyList<string> Lines, bool Truncated)
{
    public const int DefaultLines = 20;

    /// <summary>The tail kept while reading: enough for <see cref="DefaultLines"/> long lines.</summary>
    public const int TailBytes = 64 * 1024;

    /// <summary>More than this is not read: a runaway log must not hold the tracker.</summary>
    public const long MaxReadBytes = 32L * 1024 * 1024;

    public const int MaxLineLength = 300;

    /// <summary>Reads <paramref name="log"/> to its end (at most <see cref="MaxReadBytes"/>), keeping only its last <see cref="TailBytes"/>.</summary>
    public static async Task<JobLogTail> ReadAsync(Stream log, int maxLines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var window = new byte[TailBytes * 2];
        var kept = 0;
        long total = 0;
        var cut = false;
        while (true)
        {
            if (kept > TailBytes)
            {
                // Slide: keep only the newest TailBytes.
                Buffer.BlockCopy(window, kept - TailBytes, window, 0, TailBytes);
                kept = TailBytes;
                cut = true;
            }

            var read = await log.ReadAsync(window.AsMemory(kept, window.Length - kept), cancellationToken);
            if (read == 0)
                break;
            kept += read;
            total += read;
            if (total >= MaxReadBytes)
            {
                cut = true;
                break;
            }
        }

        var text = Encoding.UTF8.GetString(window, 0, kept);
        if (cut && text.IndexOf('\n') is var first and >= 0)
            text = text[(first + 1)..]; // the first line may have been cut in the middle
        return FromText(text, maxLines, cut);
    }

    /// <summary>The tail of a whole log's text (only its last <see cref="TailBytes"/> characters are looked at).</summary>
    public static JobLogTail FromText(string text, int maxLines = DefaultLines, bool alreadyCut = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > TailBytes)
        {
            text = text[^TailBytes..];
            text = text.IndexOf('\n') is var first and >= 0 ? text[(first + 1)..] : text;
            alreadyCut = true;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => Timestamp().Replace(l, ""))
            .ToList();
        var lastError = lines.FindLastIndex(l => l.Contains("##[error]", StringComparison.Ordinal));
        if (lastError >= 0)
            lines = lines[..(lastError + 1)];

        var shown = lines
            .Where(l => !l.StartsWith("##[endgroup]", StringComparison.Ordinal))
            .Select(l => l.Replace("##[group]", "", StringComparison.Ordinal).Replace("##[error]", "Error: ", StringComparison.Ordinal))
            .Select(l => l.TrimEnd())
            .ToList();
        while (shown.Count > 0 && shown[^1].Length == 0)
            shown.RemoveAt(shown.Count - 1);

        var truncated = alreadyCut || shown.Count > maxLines;
        var tail = shown.Skip(Math.Max(0, shown.Count - maxLines))
            .Select(l => SecretRedactor.Redact(l.Length > MaxLineLength ? l[..MaxLineLength] + "…" : l))
            .ToList();
        return new JobLogTail(tail, truncated);
    }

    [GeneratedRegex(@"^\uFEFF?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
