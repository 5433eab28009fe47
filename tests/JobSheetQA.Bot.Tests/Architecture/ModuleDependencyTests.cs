using System.Reflection;
using JobSheetQA.Bot.Chat.Turns;
using NetArchTest.Rules;

namespace JobSheetQA.Bot.Tests.Architecture;

/// <summary>
/// Data flows one way (docs/architecture.md): adapters translate protocol to chat messages, Chat parses and renders,
/// the deciding modules decide and act and return outcome records. Checked on the compiled assembly, method bodies
/// included, so a fully qualified name or a lambda cannot slip a dependency past a review of the usings.
/// </summary>
public sealed class ModuleDependencyTests
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
        var handlers = Types.InAssembly(Bot)
            .That().ImplementInterface(typeof(IChatCommandHandler))
            .Or().ImplementInterface(typeof(IChatFormHandler))
            .Or().ImplementInterface(typeof(IChatTextHandler))
            .GetTypes()
            .Where(t => !t.IsInterface && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(handlers);
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
    }
}
