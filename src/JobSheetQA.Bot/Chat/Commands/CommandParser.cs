namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>
/// Parses one chat line into a command. Verbs and keywords are case-insensitive and extra spaces are ignored;
/// unknown input gets an error with a "did you mean". The acknowledgement phrase is never parsed here:
/// it is compared exactly, as typed, by the acknowledgement dialog (docs/policy.md, REQ-SKIP-ACK).
/// </summary>
public static class CommandParser
{
    public static CommandParseResult Parse(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
            return CommandParseResult.Parsed(new HelpCommand(null));

        var verb = VerbTable.Find(words[0]);
        if (verb is not null)
            return verb.Parse(new CommandWords(words[1..]));

        var closest = ClosestVerb(words[0]);
        var suggestion = closest is null ? null : string.Join(' ', [closest.Name, .. words[1..]]);
        return CommandParseResult.Failed($"I don't know \"{words[0]}\".", suggestion);
    }

    /// <summary>The help text, generated from the verb table.</summary>
    public static string Help(string? topic = null)
    {
        var verbs = topic is null ? VerbTable.All : VerbTable.All.Where(v => string.Equals(v.Name, topic, StringComparison.OrdinalIgnoreCase)).ToList();
        if (verbs.Count == 0)
            return $"There is no command \"{topic}\".\n\n{Help()}";

        var lines = verbs.Select(verb => $"{verb.Usage}\n    {verb.Summary}");
        return topic is null ? "Commands:\n" + string.Join('\n', lines) : string.Join('\n', lines);
    }

    private static Verb? ClosestVerb(string word)
    {
        var typed = word.ToLowerInvariant();
        return VerbTable.All
            .Select(verb => (verb, distance: verb.Name.StartsWith(typed, StringComparison.Ordinal) && typed.Length >= 3 ? 0 : EditDistance.Between(typed, verb.Name)))
            .Where(candidate => candidate.distance <= Math.Max(1, Math.Min(2, candidate.verb.Name.Length / 3)))
            .OrderBy(candidate => candidate.distance)
            .Select(candidate => candidate.verb)
            .FirstOrDefault();
    }
}
