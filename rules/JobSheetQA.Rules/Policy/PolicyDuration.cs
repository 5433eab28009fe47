using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace JobSheetQA.Rules.Policy;

/// <summary>The policy's duration format: a positive whole number and one unit — <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static partial class PolicyDuration
{
    public const string Expected = "a positive whole number followed by s, m, h or d (90s, 15m, 2h, 1d)";

    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? problem)
    {
        duration = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            problem = $"'{text}' is not a duration: use {Expected}";
            return false;
        }

        if (!long.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount(match.Groups["unit"].Value[0]))
        {
            problem = $"'{text}' is too long a duration";
            return false;
        }

        if (amount == 0)
        {
            problem = $"'{text}' is zero: a duration must be longer than zero";
            return false;
        }

        duration = Unit(match.Groups["unit"].Value[0]) * amount;
        problem = null;
        return true;
    }

    /// <summary>The shortest policy text for <paramref name="duration"/>: <c>10m</c>, <c>26h</c>, <c>90s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        foreach (var unit in "dhm")
        {
            if (duration.Ticks % Unit(unit).Ticks == 0)
                return $"{duration.Ticks / Unit(unit).Ticks}{unit}";
        }

        return $"{(long)duration.TotalSeconds}s";
    }

    /// <summary>A duration in hours, minutes and seconds as people read them: <c>2h</c>, <c>1h30m</c>, <c>45m</c>, <c>26h</c>, <c>0s</c>.</summary>
    public static string Describe(TimeSpan duration)
    {
        var parts = new List<string>();
        if ((int)duration.TotalHours > 0) parts.Add($"{(int)duration.TotalHours}h");
        if (duration.Minutes > 0) parts.Add($"{duration.Minutes}m");
        if (duration.Seconds > 0) parts.Add($"{duration.Seconds}s");
        return parts.Count == 0 ? "0s" : string.Concat(parts);
    }

    private static TimeSpan Unit(char unit) => unit switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    private static long MaxAmount(char unit) => TimeSpan.MaxValue.Ticks / Unit(unit).Ticks;

    [GeneratedRegex("^(?<amount>[0-9]+)(?<unit>[smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
