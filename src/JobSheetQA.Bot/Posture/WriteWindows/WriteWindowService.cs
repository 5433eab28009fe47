using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Variables;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

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
    IPostureVariables variables,
    WriteWindowRestorer restorer,
    IWriteWindowReports reports,
    IOptions<WriteWindowOptions> options,
    AuditLog audit,
    IHostEnvironment host,
    ILogger<WriteWindowService> logger)
{
    /// <param name="flags">The posture flags to set to <c>true</c> for the window (managed windows only); null or empty: none named.</param>
    public async Task<WriteWindowOutcome> OpenAsync(string environment, string changeRequest, TimeSpan duration, Caller caller, CancellationToken cancellationToken, IReadOnlyList<string>? flags = null)
    {
        if (await authorizer.CheckAsync(PolicyAction.WriteWindow, environment, caller.Identity, caller.At, cancellationToken) is { } refusal)
            return new WriteWindowNotAuthorized(refusal);

        var managed = options.Value.ManageVariables;
        if (!managed && flags is { Count: > 0 })
            return new WriteWindowManagementOff(environment);
        if (managed && flags is not { Count: > 0 })
            return new WriteWindowFlagsNeeded(environment);

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
        return managed ? await SetFlagsAsync(window, flags!, duration, caller, cancellationToken) : new WriteWindowOpened(window, duration);
    }

    /// <summary>
    /// Runbook §4.3 step 2, "update environment variables explicitly": the previous environment values are recorded on the
    /// window first (so a crash after any change still restores), then each flag is set to <c>true</c> and read back.
    /// Anything failing closes the window and restores what was recorded.
    /// </summary>
    private async Task<WriteWindowOutcome> SetFlagsAsync(WriteWindowEntity window, IReadOnlyList<string> flags, TimeSpan duration, Caller caller, CancellationToken cancellationToken)
    {
        var before = await variables.ReadScopesAsync(window.Environment, flags, cancellationToken);
        if (!before.Succeeded)
        {
            await writeWindows.CloseOneAsync(window.Id, Actor.Bot, caller.At, CancellationToken.None);
            PostureLog.WriteWindowFlagsNotSet(logger, window.Id, window.Environment, before.Error.Message);
            return new WriteWindowFlagsNotSet(window, before.Error, Restore: null);
        }

        var previous = before.Value.ToDictionary(v => v.Name, v => v.EnvironmentValue);
        await writeWindows.RecordManagedAsync(window.Id, string.Join(',', flags), ManagedFlags.Serialize(previous), CancellationToken.None);

        GitHubError? failed = null;
        foreach (var flag in flags)
        {
            var set = await variables.SetEnvironmentVariableAsync(window.Environment, flag, "true", CancellationToken.None);
            if (!set.Succeeded)
            {
                failed = set.Error;
                break;
            }
        }

        var after = failed is null ? await variables.ReadScopesAsync(window.Environment, flags, CancellationToken.None) : null;
        failed ??= after is { Succeeded: false } ? after.Error : null;
        if (failed is null && after!.Value.FirstOrDefault(v => v.EnvironmentValue != "true") is { } wrong)
            failed = new GitHubError(GitHubErrorKind.Validation, $"{wrong.Name} reads back as {wrong.EnvironmentValue ?? "unset"} after being set to true");

        var stored = await writeWindows.FindAsync(window.Id, CancellationToken.None) ?? window;
        if (failed is not null)
        {
            await writeWindows.CloseOneAsync(window.Id, Actor.Bot, caller.At, CancellationToken.None);
            PostureLog.WriteWindowFlagsNotSet(logger, window.Id, window.Environment, failed.Message);
            return new WriteWindowFlagsNotSet(stored, failed, await restorer.RestoreAsync(window.Id, CancellationToken.None));
        }

        var setFlags = after!.Value.Select(v => v.Winning).ToList();
        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "write-window.flags-set", Environment: window.Environment,
            Details: JsonSerializer.Serialize(new { window = window.Id, flags, previous })), CancellationToken.None);
        PostureLog.WriteWindowFlagsSet(logger, window.Id, window.Environment, string.Join(',', flags));
        await reports.ReportAsync(new WriteWindowFlagsSet(stored, setFlags), CancellationToken.None);
        return new WriteWindowOpened(stored, duration, setFlags);
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

        // Managed windows: put the flags back now (runbook §4.3 step 4) and read them back; a failure is retried until it succeeds.
        var restores = new List<WriteWindowRestore>();
        foreach (var owed in (await writeWindows.DueForRestoreAsync(caller.At, CancellationToken.None)).Where(w => w.Environment == environment))
            restores.Add(await restorer.RestoreAsync(owed.Id, CancellationToken.None));

        var flags = await github.GetEnvironmentVariablesAsync(environment, policy.Posture.Flags.Select(f => f.Name).ToList(), cancellationToken);
        return (flags.Succeeded
            ? new WriteWindowClosed(environment, open, caller.Actor.Name, flags.Value, FlagsUnreadable: null)
            : new WriteWindowClosed(environment, open, caller.Actor.Name, [], flags.Error)) with
        { Restores = restores };
    }
}
