namespace JobSheetQA.Bot.Chat.Handlers;

/// <summary>"Did you mean" for names typed in chat (rule ids, environments): the closest known names, best first.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int take = 3)
    {
        var wanted = typed.Trim().ToUpperInvariant();
        return known
            .Select(name => (name, distance: Distance(wanted, name.ToUpperInvariant()), contains: name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || wanted.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .Where(c => wanted.Length > 0 && (c.contains && wanted.Length >= 3 || c.distance <= Math.Max(2, c.name.Length / 3)))
            .OrderBy(c => c.contains ? 0 : 1).ThenBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .Take(take)
            .Select(c => c.name)
            .ToList();
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
