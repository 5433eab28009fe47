using JobSheetQA.Bot.GitHub.Variables;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>
/// Puts a managed write window's flags back to the environment values recorded when it opened (runbook §4.3 step 4
/// "revert to read-only posture"), then reads them back to verify. Idempotent: setting a value twice is harmless and the
/// database records the restore once. A failure is counted, reported (<see cref="IWriteWindowReports"/>) and due again
/// after a growing wait; the write-window watch (every minute) is the one that takes up a restore still owed.
/// </summary>
public sealed class WriteWindowRestorer(
    Storage.WriteWindowStore windows,
    IPostureVariables variables,
    IWriteWindowReports reports,
    IOptions<WriteWindowOptions> options,
    TimeProvider time,
    ILogger<WriteWindowRestorer> logger)
{
    public async Task<WriteWindowRestore> RestoreAsync(long windowId, CancellationToken cancellationToken)
    {
        if (await windows.FindAsync(windowId, cancellationToken) is not { IsManaged: true } window || window.RestoredAt is not null)
            return new RestoreNotNeeded();

        var names = ManagedFlags.Names(window);
        var previous = ManagedFlags.Previous(window);
        var (read, error) = await PutBackAsync(window.Environment, names, previous, cancellationToken);
        if (error is null)
        {
            await windows.MarkRestoredAsync(window.Id, time.GetUtcNow(), cancellationToken);
            PostureLog.WriteWindowRestored(logger, window.Id, window.Environment);
            return new FlagsRestored(window, read!);
        }

        var nextAt = time.GetUtcNow() + options.Value.RetryDelay(window.RestoreAttempts + 1);
        var attempt = await windows.RecordRestoreFailureAsync(window.Id, error, nextAt, cancellationToken);
        PostureLog.WriteWindowRestoreFailed(logger, window.Id, window.Environment, attempt, error);
        await reports.ReportAsync(new WriteWindowRestoreFailed(window, attempt, error, nextAt), cancellationToken);
        return new FlagsNotRestored(window, attempt, error, nextAt);
    }

    private async Task<(IReadOnlyList<VariableScopesRead>? Read, string? Error)> PutBackAsync(
        string environment, IReadOnlyList<string> names, IReadOnlyDictionary<string, string?> previous, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            var set = await variables.SetEnvironmentVariableAsync(environment, name, previous.GetValueOrDefault(name), cancellationToken);
            if (!set.Succeeded)
                return (null, set.Error.Message);
        }

        var read = await variables.ReadScopesAsync(environment, names, cancellationToken);
        if (!read.Succeeded)
            return (null, $"could not read the variables back: {read.Error.Message}");

        var wrong = read.Value.FirstOrDefault(v => v.EnvironmentValue != previous.GetValueOrDefault(v.Name));
        return wrong is null
            ? (read.Value.Select(v => new VariableScopesRead(v.Name, v.EnvironmentValue, v.Winning)).ToList(), null)
            : (null, $"{wrong.Name} reads back as {wrong.EnvironmentValue ?? "unset"}, not {previous.GetValueOrDefault(wrong.Name) ?? "unset"}");
    }
}
