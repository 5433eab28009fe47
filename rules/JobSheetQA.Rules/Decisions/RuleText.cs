using System.Globalization;

namespace JobSheetQA.Rules.Decisions;

/// <summary>How findings render fact values, so every rule writes commits, times and lists the same way.</summary>
internal static class RuleText
{
    /// <summary>The 7-character form people recognise from GitHub.</summary>
    public static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;

    /// <summary>A UTC minute, e.g. <c>2026-11-26 08:15 UTC</c>; chat users sit in many time zones.</summary>
    public static string Utc(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A duration in policy.yaml's own units (90s, 15m, 26h, 3d), combined where needed (1h30m).</summary>
    public static string Duration(TimeSpan span)
    {
        if (span == TimeSpan.Zero)
            return "0s";

        var parts = new List<string>();
        var sign = span < TimeSpan.Zero ? "-" : "";
        span = span.Duration();
        // Up to two days, hours read better ("26h" is how policy.yaml writes max_age).
        var days = span.TotalHours >= 48 ? span.Days : 0;
        var hours = (int)(span - TimeSpan.FromDays(days)).TotalHours;
        if (days > 0) parts.Add($"{days}d");
        if (hours > 0) parts.Add($"{hours}h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}m");
        if (span.Seconds > 0) parts.Add($"{span.Seconds}s");
        return parts.Count == 0 ? "0s" : sign + string.Concat(parts);
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string OrList(IReadOnlyList<string> items) => Joined(items, "or");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string AndList(IReadOnlyList<string> items) => Joined(items, "and");

    private static string Joined(IReadOnlyList<string> items, string last) => items.Count switch
    {
        0 => "(none)",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {last} " + items[^1],
    };

    public static string Lines(IEnumerable<int> lines) => string.Join(", ", lines);
}
