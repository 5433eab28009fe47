using System.Text.RegularExpressions;

namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>Durations as people type them in chat: <c>2h</c>, <c>90m</c>, <c>1h30m</c>, <c>1d</c>.</summary>
public static partial class ChatDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim().ToLowerInvariant());
        if (!match.Success)
            return false;

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var amount = int.Parse(part.Value[..^1], System.Globalization.CultureInfo.InvariantCulture);
            duration += part.Value[^1] switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(?<part>[0-9]{1,4}[dhms])+$")]
    private static partial Regex Pattern();
}
