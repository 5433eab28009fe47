using System.Text;
using System.Text.Json;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.WriteWindows;

/// <summary>
/// <c>write-window close production</c>: ends the open window now (audited) and reads the posture flags, so whoever closes
/// it sees at once whether the environment is back to read-only (runbook §4.3 step 4).
/// </summary>
public sealed class CloseWriteWindowHandler(
    PromotionPolicy policy,
    WriteWindowStore writeWindows,
    IRepositoryFacts github,
    AuditLog audit) : ChatCommandHandler<CloseWriteWindowCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CloseWriteWindowCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var environment = command.Environment;
        var open = await writeWindows.CurrentAsync(environment, turn.Now, cancellationToken);
        var closed = open.Count == 0 ? 0 : await writeWindows.CloseAsync(environment, turn.Sender.DisplayName, turn.Now, cancellationToken);
        if (closed == 0)
            return [Reply.Text($"No write window is open on {environment}; nothing to close.")];

        var changeRequests = open.Select(w => w.ChangeRequest).Distinct().ToList();
        await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "write-window.closed", Environment: environment,
            Details: JsonSerializer.Serialize(new { changeRequests, by = turn.Sender.QualifiedId, closedAt = turn.Now })), cancellationToken);

        var opened = open.MaxBy(w => w.EndsAt)!;
        var text = new StringBuilder(
            $"Write window for {ChatText.AndList(changeRequests)} on {environment} (opened by {opened.OpenedBy}, due to end {ChatText.Utc(opened.EndsAt)}) closed by {turn.Sender.DisplayName}.\n");

        var flags = await github.GetEnvironmentVariablesAsync(environment, policy.Posture.Flags.Select(f => f.Name).ToList(), cancellationToken);
        if (!flags.Succeeded)
        {
            text.Append($"I could not read the posture flags: {GitHubProblem.Describe(flags.Error)}. Check them with `posture {environment}`.");
        }
        else if (flags.Value.Where(f => f.IsEnabled).ToList() is { Count: > 0 } enabled)
        {
            text.Append(
                $"⚠ Still enabled: {ChatText.AndList(enabled.Select(f => $"`{f.Name}` = `{f.DisplayValue}`").ToList())}. Revert to read-only (runbook §4.3 step 4); " +
                $"until then {environment} promotions are refused by the posture rules.");
        }
        else
        {
            text.Append($"✓ {ChatText.AndList(policy.Posture.Flags.Select(f => $"`{f.Name}`").ToList())} are false or unset: {environment} is back to read-only.");
        }

        return [Reply.Text(text.ToString())];
    }
}
