using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Posture;

namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>The chat grammar: one table drives parsing and <c>help</c>.</summary>
public static class VerbTable
{
    public static IReadOnlyList<Verb> All { get; } =
    [
        new("promote", "promote <staging|production> [skip parity] [with nightly parity] [from <branch>] [--dry-run]",
            "evaluate the policy, then dispatch promotion.yml, ask for an acknowledgement, or refuse with reasons",
            words => ParsePromotion(words, dryRun: false, usage: "promote <staging|production> [skip parity] [with nightly parity] [from <branch>] [--dry-run]")),
        new("why", "why <staging|production> [skip parity] [with nightly parity]",
            "dry run: every rule's verdict (pass / deny / ack / warn); nothing is dispatched",
            words => ParsePromotion(words, dryRun: true, usage: "why <staging|production> [skip parity] [with nightly parity]")),
        new("status", "status [staging|production|<promotion id>]", "current promotions with their gates and run links",
            words => AtMostOne(words, "status [staging|production|<promotion id>]", target => new StatusCommand(target))),
        new("history", "history [staging|production]", "past promotions with their gates and run links",
            words => AtMostOne(words, "history [staging|production]", environment => new HistoryCommand(environment?.ToLowerInvariant()))),
        new("cancel", "cancel [<promotion id>]", "cancel your pending or running promotion (cancels the workflow run)",
            words => AtMostOne(words, "cancel [<promotion id>]", id => new CancelCommand(id))),
        new("verify", "verify staging", "record the staging verification checklist (health, smoke tests, key functionality) for the deployed commit",
            words => AtMostOne(words, "verify staging", environment => new VerifyCommand(environment?.ToLowerInvariant() ?? "staging"))),
        new("posture", "posture [production]", "ENABLE_PURGE_EXECUTION, ENABLE_SCHEDULER and the read-only posture checklist",
            words => AtMostOne(words, "posture [production]", environment => new PostureCommand(environment?.ToLowerInvariant() ?? "production"))),
        new("write-window", "write-window open production <CR-id> for <duration> [purge|scheduler|both] | write-window close production",
            "open or close a change-request-backed write window (runbook §4.3); with managed variables the bot sets the named flags and restores them",
            ParseWriteWindow),
        new("parity", "parity [<commit>|<run id>]",
            "the latest parity report against the thresholds: each metric's value, threshold and margin (runbook §5.2)",
            words => AtMostOne(words, "parity [<commit>|<run id>]", target => new ParityCommand(target))),
        new("readiness", "readiness", "the Deployment Readiness Pack: HEAD SHA, gate checklist, config defaults, sign-off",
            words => None(words, "readiness", new ReadinessCommand())),
        new("policy", "policy [<rule id>]", "the rule catalogue, or one rule with its runbook section",
            words => AtMostOne(words, "policy [<rule id>]", id => new PolicyCommand(id?.ToUpperInvariant()))),
        new("whoami", "whoami", "who the bot thinks you are, and where you may promote",
            words => None(words, "whoami", new WhoAmICommand())),
        new("subscribe", "subscribe [all]", "post gate failures to this conversation (with all: every outcome too)",
            ParseSubscribe),
        new("unsubscribe", "unsubscribe", "stop posting notifications to this conversation",
            words => None(words, "unsubscribe", new UnsubscribeCommand())),
        new("help", "help [<command>]", "this list, or one command",
            words => AtMostOne(words, "help [<command>]", topic => new HelpCommand(topic?.ToLowerInvariant()))),
    ];

    public static Verb? Find(string name) =>
        All.FirstOrDefault(verb => string.Equals(verb.Name, name, StringComparison.OrdinalIgnoreCase));

    private static CommandParseResult ParsePromotion(CommandWords words, bool dryRun, string usage)
    {
        string? environment = null;
        string? gitRef = null;
        bool skipParity = false, nightlyParity = false;

        for (var i = 0; i < words.Count;)
        {
            if (words.AreAt(i, "skip", "parity")) { skipParity = true; i += 2; }
            else if (words.AreAt(i, "--skip-parity")) { skipParity = true; i += 1; }
            else if (words.AreAt(i, "with", "nightly", "parity")) { nightlyParity = true; i += 3; }
            else if (words.AreAt(i, "nightly", "parity")) { nightlyParity = true; i += 2; }
            else if (words.AreAt(i, "--nightly-parity")) { nightlyParity = true; i += 1; }
            else if (words.AreAt(i, "--dry-run") || words.AreAt(i, "dry-run")) { dryRun = true; i += 1; }
            else if (words.AreAt(i, "dry", "run")) { dryRun = true; i += 2; }
            else if (words.AreAt(i, "from") && i + 1 < words.Count && gitRef is null) { gitRef = words.Original(i + 1); i += 2; }
            else if (environment is null && !words.Original(i).StartsWith('-')) { environment = words.Keyword(i); i += 1; }
            else return CommandParseResult.Failed($"I don't understand \"{words.Original(i)}\" here. Usage: {usage}");
        }

        return environment is null
            ? CommandParseResult.Failed($"Which environment? Usage: {usage}")
            : CommandParseResult.Parsed(new PromoteCommand(environment, gitRef, skipParity, nightlyParity, dryRun));
    }

    private static CommandParseResult ParseWriteWindow(CommandWords words)
    {
        const string usage = "write-window open production <CR-id> for <duration> [purge|scheduler|both] | write-window close production";
        if (words.Count is 5 or 6 && words.AreAt(0, "open") && words.AreAt(3, "for"))
        {
            IReadOnlyList<string> flags = [];
            if (words.Count == 6 && WindowFlags(words.Keyword(5)) is not { } named)
                return CommandParseResult.Failed($"\"{words.Original(5)}\" is not purge, scheduler or both. Usage: {usage}");
            else if (words.Count == 6)
                flags = WindowFlags(words.Keyword(5))!;

            // The same duration format as policy.yaml, so the limits people read there are the ones they type.
            return PolicyDuration.TryParse(words.Keyword(4), out var duration, out var problem)
                ? CommandParseResult.Parsed(new OpenWriteWindowCommand(words.Keyword(1), words.Original(2), duration) { Flags = flags })
                : CommandParseResult.Failed($"{problem}. Usage: {usage}");
        }

        if (words.Count == 2 && words.AreAt(0, "close"))
            return CommandParseResult.Parsed(new CloseWriteWindowCommand(words.Keyword(1)));

        return CommandParseResult.Failed($"Usage: {usage}");
    }

    /// <summary>The posture flags a managed window sets (runbook §4.1): <c>purge</c>, <c>scheduler</c> or <c>both</c>.</summary>
    private static IReadOnlyList<string>? WindowFlags(string word) => word switch
    {
        "purge" => [PurgeExecutionPostureRule.Flag],
        "scheduler" => [SchedulerPostureRule.Flag],
        "both" => [PurgeExecutionPostureRule.Flag, SchedulerPostureRule.Flag],
        _ => null,
    };

    private static CommandParseResult ParseSubscribe(CommandWords words) =>
        words.Count switch
        {
            0 => CommandParseResult.Parsed(new SubscribeCommand(IncludeOutcomes: false)),
            1 when words.AreAt(0, "all") => CommandParseResult.Parsed(new SubscribeCommand(IncludeOutcomes: true)),
            _ => CommandParseResult.Failed("Usage: subscribe [all]"),
        };

    private static CommandParseResult AtMostOne(CommandWords words, string usage, Func<string?, ChatCommand> create) =>
        words.Count <= 1
            ? CommandParseResult.Parsed(create(words.Count == 1 ? words.Original(0) : null))
            : CommandParseResult.Failed($"Too many words after the command. Usage: {usage}");

    private static CommandParseResult None(CommandWords words, string usage, ChatCommand command) =>
        words.Count == 0 ? CommandParseResult.Parsed(command) : CommandParseResult.Failed($"\"{usage}\" takes nothing after it.");
}
