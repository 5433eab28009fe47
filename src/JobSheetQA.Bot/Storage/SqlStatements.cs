namespace JobSheetQA.Bot.Storage;

/// <summary>What a SQL command does, read from its text as EF Core writes it.</summary>
internal static class SqlStatements
{
    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    /// <summary>
    /// True when the command changes rows: its first statement, after leading comments (EF Core's query tags), begins
    /// with INSERT, UPDATE, DELETE or REPLACE. Schema statements and PRAGMAs are not row writes.
    /// </summary>
    public static bool Writes(string? commandText)
    {
        var text = (commandText ?? "").AsSpan().TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var lineEnd = text.IndexOf('\n');
            if (lineEnd < 0)
                return false;
            text = text[(lineEnd + 1)..].TrimStart();
        }

        foreach (var verb in WriteVerbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase)
                && (text.Length == verb.Length || !char.IsLetterOrDigit(text[verb.Length]) && text[verb.Length] != '_'))
                return true;
        }

        return false;
    }
}
