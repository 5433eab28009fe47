using System.Text;

namespace JobSheetQA.Bot.Chat.Handlers.Introspection;

/// <summary>
/// Each rule's section of the published catalogue (docs/policy.md, embedded at build time): what the rule checks,
/// in the runbook's words and with the message it gives. The catalogue test keeps that file in step with the rules.
/// </summary>
public static class RuleDocs
{
    private const string ResourceName = "JobSheetQA.Bot.docs.policy.md";
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Sections = new(Load);

    /// <summary>The prose under <c>### id</c>, or null when the catalogue has none.</summary>
    public static string? For(string ruleId) => Sections.Value.TryGetValue(ruleId, out var text) ? text : null;

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
            return new Dictionary<string, string>();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    internal static IReadOnlyDictionary<string, string> Parse(string markdown)
    {
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var text = new StringBuilder();
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                current = line.StartsWith("### ", StringComparison.Ordinal) ? line[4..].Trim() : null;
                continue;
            }

            if (current is not null)
                text.AppendLine(line);
        }

        Flush();
        return sections;

        void Flush()
        {
            if (current is not null)
            {
                // Paragraph lines are wrapped in the file; chat wraps them itself.
                var paragraphs = text.ToString().Trim().Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
                sections[current] = string.Join("\n\n", paragraphs);
            }

            text.Clear();
        }
    }
}
