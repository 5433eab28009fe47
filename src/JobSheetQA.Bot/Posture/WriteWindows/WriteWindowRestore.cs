using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>What <see cref="WriteWindowRestorer.RestoreAsync"/> did with a window's flags.</summary>
public abstract record WriteWindowRestore;

/// <summary>Not a managed window (or no such window): nothing to restore.</summary>
public sealed record RestoreNotNeeded : WriteWindowRestore;

/// <summary>The previous values are back and were read back from GitHub; <paramref name="Flags"/> are the winning values now.</summary>
public sealed record FlagsRestored(WriteWindowEntity Window, IReadOnlyList<VariableScopesRead> Flags) : WriteWindowRestore;

/// <summary>Restoring failed (announced); it is retried at <paramref name="NextAttemptAt"/>.</summary>
public sealed record FlagsNotRestored(WriteWindowEntity Window, int Attempt, string Error, DateTimeOffset NextAttemptAt) : WriteWindowRestore;

/// <summary>One restored flag: its environment value now and what the deploy job reads (the winning value).</summary>
public sealed record VariableScopesRead(string Name, string? EnvironmentValue, PostureFlag Winning);
