using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>Something the write-window watch found (runbook §4.3), for the conversation side to tell (<see cref="IWriteWindowReports"/>).</summary>
public abstract record WriteWindowReport(WriteWindowEntity Window);

/// <summary>The window ends within the policy's reminder lead.</summary>
public sealed record WriteWindowEndsSoon(WriteWindowEntity Window) : WriteWindowReport(Window);

/// <summary>The window ended or was closed; <paramref name="Flags"/> are the posture flags as GitHub has them now.</summary>
public sealed record WriteWindowEnded(WriteWindowEntity Window, IReadOnlyList<PostureFlag> Flags) : WriteWindowReport(Window);

/// <summary>A managed window set <paramref name="Flags"/> to <c>true</c> on the environment (read back as shown).</summary>
public sealed record WriteWindowFlagsSet(WriteWindowEntity Window, IReadOnlyList<PostureFlag> Flags) : WriteWindowReport(Window);

/// <summary>Restoring a managed window's flags failed (attempt <paramref name="Attempt"/>); it is tried again at <paramref name="NextAttemptAt"/>.</summary>
public sealed record WriteWindowRestoreFailed(WriteWindowEntity Window, int Attempt, string Error, DateTimeOffset NextAttemptAt) : WriteWindowReport(Window);
