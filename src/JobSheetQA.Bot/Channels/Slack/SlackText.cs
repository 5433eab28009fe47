using System.Text.RegularExpressions;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>Slack's message text conventions: the three escaped characters, and the bot's own mention to strip.</summary>
public static partial class SlackText
{
    /// <summary>Slack sends <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped in message text; the grammar and the typed phrase want them as typed.</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Escapes text for mrkdwn (the three characters Slack reserves).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>True when <paramref name="text"/> mentions <paramref name="userId"/> (<c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c>).</summary>
    public static bool Mentions(string text, string userId) => MentionOf(userId).IsMatch(text);

    /// <summary>
    /// Removes the bot's mention (<c>&lt;@UBOT&gt; promote staging</c> → <c>promote staging</c>) and the spaces that separate
    /// it from the words; other users' mentions stay. With no known bot id, a leading mention is taken to be the bot's
    /// (an <c>app_mention</c> always addresses it). The rest is left exactly as typed.
    /// </summary>
    public static string StripBotMention(string text, string? botUserId)
    {
        if (botUserId is null)
            return LeadingMention().Replace(text, "", 1);

        var mention = MentionOf(botUserId);
        var leading = new Regex(@"^\s*" + mention + @"\s*", RegexOptions.CultureInvariant);
        var trailing = new Regex(@"\s*" + mention + @"\s*$", RegexOptions.CultureInvariant);
        var stripped = trailing.Replace(leading.Replace(text, "", 1), "", 1);
        return new Regex(mention + " ?", RegexOptions.CultureInvariant).Replace(stripped, "");
    }

    private static Regex MentionOf(string userId) => new("<@" + Regex.Escape(userId) + @"(\|[^>]*)?>", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMention();
}
