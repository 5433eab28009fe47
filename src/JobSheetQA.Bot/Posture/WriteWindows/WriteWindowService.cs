using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>
/// Opens and closes change-request-backed write windows (runbook §4.3). Opening is judged by the WRITE-WINDOW rule set
/// (change request, bounded duration, read-only environment, none open already) and recorded with the change request,
/// requester and end time; closing ends the open window now and reads the posture flags, so whoever closes it learns at
/// once whether the environment is back to read-only (§4.3 step 4). Both are audited, and both are for the people
/// policy.yaml names (<c>authorization.write_window_approvers</c>, else the environment's requesters).
/// </summary>
public sealed class WriteWindowService(
    ActionAuthorizer authorizer,
    PolicyEngine engine,
    PromotionPolicy policy,
    WriteWindowStore writeWindows,
    IRepositoryFacts github,
    AuditLog audit,
    IHostEnvironment host,
    ILogger<WriteWindowService> logger)
{
    public async Task<WriteWindowOutcome> OpenAsync(string environment, string changeRequest, TimeSpan duration, Caller caller, CancellationToken cancellationToken)
    {
        if (await authorizer.CheckAsync(PolicyAction.WriteWindow, environment, caller.Identity, caller.At, cancellationToken) is { } refusal)
            return new WriteWindowNotAuthorized(refusal);

        var request = new WriteWindowRequest(environment, changeRequest, duration, caller.Identity);
        var open = await writeWindows.CurrentAsync(environment, caller.At, cancellationToken);
        var decision = engine.DecideWriteWindow(request, policy, new DecisionContext(caller.At, host.IsDevelopment()), open);
        if (decision.Verdict == Verdict.Deny)
        {
            await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "write-window.refused", Environment: environment,
                Details: AuditDetails.ForDecision(decision)), cancellationToken);
            return new WriteWindowRefused(request, decision);
        }

        var endsAt = caller.At + duration;
        var window = await writeWindows.OpenAsync(environment, changeRequest, caller.Actor, caller.At, endsAt, cancellationToken, caller.ConversationReferenceId);
        if (await writeWindows.WithdrawIfNotFirstAsync(window.Id, environment, Actor.Bot with { Name = "bot (opened twice at once)" }, caller.At, cancellationToken))
        {
            var first = (await writeWindows.CurrentAsync(environment, caller.At, cancellationToken)).FirstOrDefault();
            await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "write-window.refused", Environment: environment,
                Details: JsonSerializer.Serialize(new { changeRequest, reason = "another window was opened at the same moment" })), cancellationToken);
            return new WriteWindowOpenedTwice(environment, first);
        }

        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "write-window.opened", Environment: environment,
            Details: JsonSerializer.Serialize(new
            {
                window = window.Id,
                changeRequest,
                by = caller.Identity.QualifiedId,
                opensAt = caller.At,
                endsAt,
                duration = PolicyDuration.Describe(duration),
            })), cancellationToken);
        PostureLog.WriteWindowOpened(logger, window.Id, environment, changeRequest, endsAt, caller.Identity.QualifiedId);
        return new WriteWindowOpened(window, duration);
    }

    public async Task<WriteWindowOutcome> CloseAsync(string environment, Caller caller, CancellationToken cancellationToken)
    {
        if (await authorizer.CheckAsync(PolicyAction.WriteWindow, environment, caller.Identity, caller.At, cancellationToken) is { } refusal)
            return new WriteWindowNotAuthorized(refusal);

        var open = await writeWindows.CurrentAsync(environment, caller.At, cancellationToken);
        var closed = open.Count == 0 ? 0 : await writeWindows.CloseAsync(environment, caller.Actor, caller.At, cancellationToken);
        if (closed == 0)
            return new NoWriteWindowOpen(environment);

        var changeRequests = open.Select(w => w.ChangeRequest).Distinct().ToList();
        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "write-window.closed", Environment: environment,
            Details: JsonSerializer.Serialize(new { changeRequests, by = caller.Identity.QualifiedId, closedAt = caller.At })), cancellationToken);

        var flags = await github.GetEnvironmentVariablesAsync(environment, policy.Posture.Flags.Select(f => f.Name).ToList(), cancellationToken);
        return flags.Succeeded
            ? new WriteWindowClosed(environment, open, caller.Actor.Name, flags.Value, FlagsUnreadable: null)
            : new WriteWindowClosed(environment, open, caller.Actor.Name, [], flags.Error);
    }
}
