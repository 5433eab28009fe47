using System.Text;
using System.Text.Json;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.WriteWindows;

/// <summary>
/// <c>write-window open production CR-123 for 2h</c> (runbook §4.3): judged by the WRITE-WINDOW rule set (change request,
/// bounded duration, read-only environment, none open already); when allowed, records the change request, requester and end
/// time, audited. While it is open the posture rules warn instead of deny.
/// </summary>
public sealed class OpenWriteWindowHandler(
    PolicyEngine engine,
    PromotionPolicy policy,
    WriteWindowStore writeWindows,
    AuditLog audit,
    IHostEnvironment host,
    ILogger<OpenWriteWindowHandler> logger) : ChatCommandHandler<OpenWriteWindowCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(OpenWriteWindowCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var request = new WriteWindowRequest(command.Environment, command.ChangeRequest, command.Duration, turn.Sender);
        var open = await writeWindows.CurrentAsync(command.Environment, turn.Now, cancellationToken);
        var decision = engine.DecideWriteWindow(request, policy, new DecisionContext(turn.Now, host.IsDevelopment()), open);

        if (decision.Verdict == Verdict.Deny)
        {
            await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "write-window.refused", Environment: command.Environment,
                Details: AuditDetails.ForDecision(decision)), cancellationToken);
            var text = new StringBuilder($"Write window refused for {command.Environment} ({command.ChangeRequest}, {ChatText.Duration(command.Duration)}):\n");
            foreach (var finding in decision.Denials)
                text.AppendLine($"- {finding.RuleId} ({ChatText.Section(finding.RunbookSection)}): {finding.Message}");
            return [Reply.Text(text.ToString().TrimEnd())];
        }

        var endsAt = turn.Now + command.Duration;
        var window = await writeWindows.OpenAsync(
            command.Environment, command.ChangeRequest, turn.Sender.DisplayName, turn.Now, endsAt, cancellationToken, turn.ConversationReferenceId);
        if (await writeWindows.WithdrawIfNotFirstAsync(window.Id, command.Environment, "bot (opened twice at once)", turn.Now, cancellationToken))
        {
            var first = (await writeWindows.CurrentAsync(command.Environment, turn.Now, cancellationToken)).FirstOrDefault();
            await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "write-window.refused", Environment: command.Environment,
                Details: JsonSerializer.Serialize(new { changeRequest = command.ChangeRequest, reason = "another window was opened at the same moment" })), cancellationToken);
            return [Reply.Text(
                $"Write window refused for {command.Environment}: another window{(first is null ? "" : $" ({first.ChangeRequest} by {first.OpenedBy})")} was opened at the same moment (WRITE-WINDOW, runbook §4.3: one at a time). Nothing else changed.")];
        }

        await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "write-window.opened", Environment: command.Environment,
            Details: JsonSerializer.Serialize(new
            {
                window = window.Id,
                changeRequest = command.ChangeRequest,
                by = turn.Sender.QualifiedId,
                opensAt = turn.Now,
                endsAt,
                duration = ChatText.Duration(command.Duration),
            })), cancellationToken);
        logger.LogInformation("Write window {WindowId} opened on {Environment} for {ChangeRequest} until {EndsAt} by {UserId}",
            window.Id, command.Environment, command.ChangeRequest, endsAt, turn.Sender.QualifiedId);

        var flags = ChatText.AndList(policy.Posture.Flags.Select(f => $"`{f.Name}`").ToList());
        return [new Reply(
        [
            new TextBlock($"Write window **open** on {command.Environment} for {command.ChangeRequest} until {ChatText.Utc(endsAt)} ({ChatText.Duration(command.Duration)})."),
            new FactsBlock(
            [
                new ReplyFact("Change request", command.ChangeRequest),
                new ReplyFact("Opened by", turn.Sender.DisplayName),
                new ReplyFact("Ends", ChatText.Utc(endsAt)),
            ]),
            new TextBlock(
                $"Runbook §4.3: update {flags} explicitly, monitor closely during the window, and revert to read-only after completion. " +
                $"While the window is open, the posture rules warn instead of refusing {command.Environment} promotions. " +
                $"A reminder comes {ChatText.Duration(policy.WriteWindows.ReminderBeforeEnd)} before the end, and the flags are checked when it ends."),
            new ButtonsBlock(
            [
                new ReplyButton("Show posture", $"posture {command.Environment}"),
                new ReplyButton("Close window", $"write-window close {command.Environment}", ButtonStyle.Danger),
            ]),
        ])];
    }
}
