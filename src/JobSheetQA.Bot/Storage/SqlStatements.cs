using System.Text.RegularExpressions;

namespace JobSheetQA.Bot.Storage;

/// <summary>What a SQL command does, read from its text as EF Core writes it.</summary>
internal static partial class SqlStatements
{
    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    /// <summary>
    /// True when the command changes rows: its first statement, after leading comments (EF Core's query tags), begins
    /// with INSERT, UPDATE, DELETE or REPLACE, or is a common table expression (WITH) that names one of them. Schema
    /// statements and PRAGMAs are not row writes.
    /// </summary>
    public static bool Writes(string? commandText)
    {
        var text = WithoutLeadingComments((commandText ?? "").AsSpan());
        if (StartsWithWord(text, "WITH"))
            return WriteVerb().IsMatch(text);
        foreach (var verb in WriteVerbs)
        {
            if (StartsWithWord(text, verb))
                return true;
        }

        return false;
    }

    private static ReadOnlySpan<char> WithoutLeadingComments(ReadOnlySpan<char> text)
    {
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var lineEnd = text.IndexOf('\n');
                text = lineEnd < 0 ? [] : text[(lineEnd + 1)..];
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var commentEnd = text.IndexOf("*/", StringComparison.Ordinal);
                text = commentEnd < 0 ? [] : text[(commentEnd + 2)..];
            }
            else
            {
                return text;
            }
        }
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length]) && text[word.Length] != '_');

    [GeneratedRegex(@"\b(INSERT|UPDATE|DELETE|REPLACE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteVerb();
}
