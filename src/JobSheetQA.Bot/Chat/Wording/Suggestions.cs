namespace JobSheetQA.Bot.Chat.Wording;

/// <summary>"Did you mean" for names typed in chat (rule ids, environments): the closest known names, best first.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int take = 3)
    {
        var wanted = typed.Trim().ToUpperInvariant();
        return known
            .Select(name => (name, distance: EditDistance.Between(wanted, name.ToUpperInvariant()), contains: name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || wanted.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .Where(c => wanted.Length > 0 && (c.contains && wanted.Length >= 3 || c.distance <= Math.Max(2, c.name.Length / 3)))
            .OrderBy(c => c.contains ? 0 : 1).ThenBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .Take(take)
            .Select(c => c.name)
            .ToList();
    }
}
