using System.Reflection;
using System.Text.RegularExpressions;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Support;
using NetArchTest.Rules;

namespace JobSheetQA.Bot.Tests.Architecture;

/// <summary>
/// Data flows one way (docs/architecture.md): adapters translate protocol to chat messages, Chat parses and renders,
/// the deciding modules decide and act and return outcome records. Checked on the compiled assembly, method bodies
/// included, so a fully qualified name or a lambda cannot slip a dependency past a review of the usings; and on the
/// source, since a constant is copied into the IL of whoever reads it and leaves no reference there.
/// </summary>
public sealed partial class ModuleDependencyTests
{
    private static readonly Assembly Bot = typeof(ChatTurnHandler).Assembly;

    public static TheoryData<string> DecidingModules =>
    [
        "JobSheetQA.Bot.Promotions",
        "JobSheetQA.Bot.Posture",
        "JobSheetQA.Bot.Evidence",
        "JobSheetQA.Bot.Jobs",
        "JobSheetQA.Bot.Policy",
        "JobSheetQA.Bot.GitHub",
        "JobSheetQA.Bot.Storage",
        "JobSheetQA.Bot.Hosting",
    ];

    [Theory]
    [MemberData(nameof(DecidingModules))]
    public void A_deciding_module_knows_nothing_of_chat_or_channels(string module) =>
        AssertNoDependency(module, "JobSheetQA.Bot.Chat", "JobSheetQA.Bot.Channels");

    [Fact]
    public void Chat_knows_no_channel() =>
        AssertNoDependency("JobSheetQA.Bot.Chat", "JobSheetQA.Bot.Channels");

    [Fact]
    public void The_channel_adapters_know_nothing_of_promotions() =>
        AssertNoDependency("JobSheetQA.Bot.Channels",
            "JobSheetQA.Bot.Promotions", "JobSheetQA.Bot.Posture", "JobSheetQA.Bot.Evidence", "JobSheetQA.Bot.Jobs",
            "JobSheetQA.Bot.Policy", "JobSheetQA.Bot.GitHub");

    [Fact]
    public void Every_chat_handler_is_in_Chat_Handlers()
    {
        // By assignability, not NetArchTest's ImplementInterface, which sees only the interfaces a type declares itself
        // and so misses every command handler written on ChatCommandHandler<T>.
        var handlers = Bot.GetTypes()
            .Where(t => !t.IsInterface && !t.IsAbstract)
            .Where(t => typeof(IChatCommandHandler).IsAssignableFrom(t) || typeof(IChatFormHandler).IsAssignableFrom(t) || typeof(IChatTextHandler).IsAssignableFrom(t))
            .ToList();

        Assert.Contains(handlers, t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ChatCommandHandler<>));
        var elsewhere = handlers.Where(t => t.Namespace?.StartsWith("JobSheetQA.Bot.Chat.Handlers.", StringComparison.Ordinal) != true).Select(t => t.FullName).ToList();
        Assert.True(elsewhere.Count == 0, "Chat handlers outside JobSheetQA.Bot.Chat.Handlers:\n" + string.Join("\n", elsewhere));
    }

    private static void AssertNoDependency(string module, params string[] forbidden)
    {
        var types = Types.InAssembly(Bot).That().ResideInNamespace(module);
        Assert.NotEmpty(types.GetTypes());

        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{module} must not depend on {string.Join(" or ", forbidden)}, but these types do:\n"
            + string.Join("\n", result.FailingTypeNames ?? []));

        var named = SourceNaming(module, forbidden);
        Assert.True(named.Count == 0, $"{module} must not name {string.Join(" or ", forbidden)}, but its source does:\n" + string.Join("\n", named));
    }

    /// <summary>
    /// Where the module's source (comments and string literals aside) names a forbidden namespace: in full (<c>using JobSheetQA.Bot.Chat;</c>),
    /// or from inside <c>JobSheetQA.Bot</c> by a sub-namespace or a type (<c>Channels.Slack.SlackInboundParser.ChannelName</c>).
    /// </summary>
    private static List<string> SourceNaming(string module, string[] forbidden)
    {
        var inForbidden = Bot.GetTypes()
            .Where(t => t.Namespace is { } ns && forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
            .ToList();
        var names = inForbidden.Select(t => t.Namespace!).Where(ns => !forbidden.Contains(ns))
            .Concat(inForbidden.Where(t => forbidden.Contains(t.Namespace) && !t.Name.Contains('<')).Select(t => $"{t.Namespace}.{t.Name.Split('`')[0]}"))
            .Select(name => Regex.Escape(name["JobSheetQA.Bot.".Length..]))
            .Distinct();
        var pattern = new Regex(
            $@"\bJobSheetQA\.Bot\.({string.Join("|", forbidden.Select(f => Regex.Escape(f["JobSheetQA.Bot.".Length..])))})\b|(?<![\w.])(JobSheetQA\.Bot\.)?({string.Join("|", names)})\b");

        var folder = Path.Combine("src", "JobSheetQA.Bot", Path.Combine(module["JobSheetQA.Bot.".Length..].Split('.')));
        var found = new List<string>();
        foreach (var file in SourceLayoutTests.SourceFiles(folder))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = StringLiteral().Replace(lines[i], "\"\"");
                if (!code.TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.Match(code) is { Success: true } match)
                    found.Add($"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{i + 1}: {match.Value}");
            }
        }

        return found;
    }

    // An ActivitySource or log category may be called "JobSheetQA.Bot.Chat": a name, not a dependency.
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();
}
