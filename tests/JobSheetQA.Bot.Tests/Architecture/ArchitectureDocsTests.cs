using System.Reflection;
using System.Text.RegularExpressions;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Support;

namespace JobSheetQA.Bot.Tests.Architecture;

/// <summary>docs/architecture.md says where each command lives; it stays true as commands and handlers change.</summary>
public sealed partial class ArchitectureDocsTests
{
    private static readonly string Architecture = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));

    [Fact]
    public void Every_verb_of_the_grammar_has_a_row_saying_where_it_lives()
    {
        var rows = Section("Where each command lives").Split('\n').Where(l => l.StartsWith('|')).Select(l => CellSeparator().Split(l)[1]).ToList();

        var missing = VerbTable.All.Select(v => v.Name).Where(verb => !rows.Any(row => row.Contains($"`{verb}", StringComparison.Ordinal))).ToList();

        Assert.True(missing.Count == 0, "docs/architecture.md does not say where these commands live: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_handler_the_table_names_exists_where_it_says()
    {
        var handlers = typeof(ChatTurnHandler).Assembly.GetTypes()
            .Where(t => typeof(IChatCommandHandler).IsAssignableFrom(t) || typeof(IChatFormHandler).IsAssignableFrom(t) || typeof(IChatTextHandler).IsAssignableFrom(t))
            .Where(t => !t.IsAbstract && !t.IsInterface)
            .ToList();
        var table = Section("Where each command lives");

        var undocumented = handlers.Where(t => !table.Contains(t.Name, StringComparison.Ordinal)).Select(t => t.Name).ToList();
        var named = HandlerCell().Matches(table).Select(m => m.Groups[1].Value).ToList();
        var unknown = named.Where(name => handlers.All(t => t.Name != name)).ToList();

        Assert.NotEmpty(named);
        Assert.True(undocumented.Count == 0, "handlers missing from docs/architecture.md: " + string.Join(", ", undocumented));
        Assert.True(unknown.Count == 0, "docs/architecture.md names handlers that do not exist: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Posting_is_named_with_the_documented_words()
    {
        // docs/architecture.md, "Posting vocabulary": outcome, report, reply, post (and the adapter's send). The
        // synonyms it replaced (notify, announce, broadcast, notification) name nothing in the bot.
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var names = typeof(ChatTurnHandler).Assembly.GetTypes()
            .Where(t => !t.Name.Contains('<'))
            .SelectMany(t => t.GetMethods(Declared).Where(m => !m.Name.Contains('<')).Select(m => $"{t.FullName}.{m.Name}").Prepend(t.FullName!));

        var retired = names.Where(name => RetiredPostingWord().IsMatch(name)).ToList();

        Assert.True(retired.Count == 0, "named with a posting word docs/architecture.md does not use:\n" + string.Join("\n", retired));
    }

    private static string Section(string heading)
    {
        var start = Architecture.IndexOf($"## {heading}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/architecture.md has no section \"{heading}\"");
        var end = Architecture.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? Architecture[start..] : Architecture[start..end];
    }

    // A table cell ends at a pipe that is not escaped (`status [env \| id]` is one cell).
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex("Notif|Announc|Broadcast", RegexOptions.IgnoreCase)]
    private static partial Regex RetiredPostingWord();

    [GeneratedRegex(@"\b(\w+Handler)\b")]
    private static partial Regex HandlerCell();
}
