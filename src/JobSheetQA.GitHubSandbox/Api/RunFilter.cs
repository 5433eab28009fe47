using System.Globalization;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary>The query filters of the list-runs endpoints.</summary>
internal static class RunFilter
{
    private static readonly HashSet<string> Statuses = ["requested", "queued", "in_progress", "waiting", "pending", "completed"];

    /// <summary>Null when a filter cannot be read (the endpoint answers 422).</summary>
    public static Func<RunSnapshot, bool>? From(IQueryCollection query)
    {
        var filters = new List<Func<RunSnapshot, bool>>();
        if (query["event"].FirstOrDefault() is { Length: > 0 } @event)
        {
            // Every simulated run comes from a dispatch.
            var matches = @event == "workflow_dispatch";
            filters.Add(_ => matches);
        }

        if (query["branch"].FirstOrDefault() is { Length: > 0 } branch)
        {
            filters.Add(s => s.Run.HeadBranch == branch);
        }

        if (query["actor"].FirstOrDefault() is { Length: > 0 } actor)
        {
            filters.Add(s => s.Run.Actor.Equals(actor, StringComparison.OrdinalIgnoreCase));
        }

        if (query["head_sha"].FirstOrDefault() is { Length: > 0 } sha)
        {
            filters.Add(s => s.Run.HeadSha.Equals(sha, StringComparison.OrdinalIgnoreCase));
        }

        if (query["status"].FirstOrDefault() is { Length: > 0 } status)
        {
            filters.Add(Statuses.Contains(status) ? s => s.Status == status : s => s.Conclusion == status);
        }

        if (query["created"].FirstOrDefault() is { Length: > 0 } created)
        {
            var range = Created(created);
            if (range is null)
            {
                return null;
            }

            filters.Add(s => range(Seconds(s.Run.CreatedAt)));
        }

        return s => filters.All(f => f(s));
    }

    /// <summary>GitHub's date syntax: <c>&gt;=T</c>, <c>&gt;T</c>, <c>&lt;=T</c>, <c>&lt;T</c>, <c>A..B</c>, or one date/time.</summary>
    private static Func<DateTimeOffset, bool>? Created(string text)
    {
        foreach (var (op, test) in new (string, Func<DateTimeOffset, DateTimeOffset, bool>)[]
                 {
                     (">=", (c, t) => c >= t), ("<=", (c, t) => c <= t), (">", (c, t) => c > t), ("<", (c, t) => c < t),
                 })
        {
            if (text.StartsWith(op, StringComparison.Ordinal))
            {
                return Parse(text[op.Length..]) is { } t ? c => test(c, t.Start) : null;
            }
        }

        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            var from = text[..dots];
            var to = text[(dots + 2)..];
            var start = from == "*" ? DateTimeOffset.MinValue : Parse(from)?.Start;
            var end = to == "*" ? DateTimeOffset.MaxValue : Parse(to)?.End;
            return start is { } s && end is { } e ? c => c >= s && c <= e : null;
        }

        return Parse(text) is { } one ? c => c >= one.Start && c <= one.End : null;
    }

    /// <summary>A date covers its whole day; a time is exact to the second.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End)? Parse(string text)
    {
        // A '+' of an offset arrives as a space when the caller did not escape it.
        text = text.Trim().Replace(' ', '+');
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
        {
            var start = new DateTimeOffset(day, TimeSpan.Zero);
            return (start, start.AddDays(1).AddTicks(-1));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (Seconds(at), Seconds(at))
            : null;
    }

    private static DateTimeOffset Seconds(DateTimeOffset at) =>
        new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset);
}
