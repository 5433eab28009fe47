namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>promote &lt;env&gt; [from &lt;ref&gt;] [skip parity] [with nightly parity] [--dry-run]</c>, and <c>why &lt;env&gt;</c> (a dry run).</summary>
/// <param name="Environment">The environment as typed, lower case; the policy judges whether it exists.</param>
/// <param name="Ref">The ref to promote from; null means the policy's branch.</param>
public sealed record PromoteCommand(string Environment, string? Ref, bool SkipParity, bool UseNightlyParity, bool DryRun) : ChatCommand;
