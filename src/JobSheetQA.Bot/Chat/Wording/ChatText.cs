using System.Globalization;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Wording;

/// <summary>How chat answers write commits, times and durations, so every command reads the same.</summary>
public static class ChatText
{
    /// <summary>The 7-character form people recognise from GitHub.</summary>
    public static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;

    /// <summary>A UTC minute, e.g. <c>2026-11-26 08:15 UTC</c>: chat users sit in many time zones.</summary>
    public static string Utc(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A UTC time of day, e.g. <c>08:15 UTC</c>, for moments within the next hours.</summary>
    public static string UtcTime(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A duration the way policy.yaml writes them: <c>2h</c>, <c>1h30m</c>, <c>45m</c>.</summary>
    public static string Duration(TimeSpan span) => PolicyDuration.Describe(span);

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string OrList(IReadOnlyList<string> items) => Join(items, "or");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string AndList(IReadOnlyList<string> items) => Join(items, "and");

    /// <summary>Where a rule's runbook section is "—" it is the bot's own rule.</summary>
    public static string Section(string runbookSection) => runbookSection == "—" ? "bot policy" : $"runbook {runbookSection}";

    private static string Join(IReadOnlyList<string> items, string word) => items.Count switch
    {
        0 => "(none)",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {word} " + items[^1],
    };
}
