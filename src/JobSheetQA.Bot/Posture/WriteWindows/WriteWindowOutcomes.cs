using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>What <see cref="WriteWindowService"/> did with an open or close: a fact, never wording.</summary>
public abstract record WriteWindowOutcome;

/// <summary>The caller may not open or close write windows on the environment (policy.yaml); nothing changed.</summary>
public sealed record WriteWindowNotAuthorized(NotAuthorized Refusal) : WriteWindowOutcome;

/// <summary>The WRITE-WINDOW rule set refused the window (audited); nothing was opened.</summary>
public sealed record WriteWindowRefused(WriteWindowRequest Request, Decision Decision) : WriteWindowOutcome;

/// <summary>Another window was opened at the same moment (perhaps by another instance); this one was withdrawn.</summary>
/// <param name="First">The window that stays open, when it could be read.</param>
public sealed record WriteWindowOpenedTwice(string Environment, WriteWindow? First) : WriteWindowOutcome;

/// <summary>The window is open (recorded and audited); the posture rules warn instead of refusing until it ends.</summary>
/// <param name="SetFlags">For a managed window, the flags it set as read back from GitHub (with their previous values in
/// <see cref="WriteWindowEntity.PreviousValues"/>); null when the flags are changed by hand.</param>
public sealed record WriteWindowOpened(WriteWindowEntity Window, TimeSpan Duration, IReadOnlyList<PostureFlag>? SetFlags = null) : WriteWindowOutcome;

/// <summary>Flags were named but <c>WriteWindows:ManageVariables</c> is off: the bot does not change variables. Nothing opened.</summary>
public sealed record WriteWindowManagementOff(string Environment) : WriteWindowOutcome;

/// <summary><c>WriteWindows:ManageVariables</c> is on and no flags were named (purge, scheduler or both). Nothing opened.</summary>
public sealed record WriteWindowFlagsNeeded(string Environment) : WriteWindowOutcome;

/// <summary>The flags could not be read or set on GitHub: the window was closed at once and whatever was set is being
/// restored (<paramref name="Restore"/>).</summary>
public sealed record WriteWindowFlagsNotSet(WriteWindowEntity Window, GitHubError Error, WriteWindowRestore? Restore) : WriteWindowOutcome;

/// <summary>No write window was open on the environment; nothing was closed.</summary>
public sealed record NoWriteWindowOpen(string Environment) : WriteWindowOutcome;

/// <summary>
/// The open window(s) were closed (audited), and the posture flags read right after: <paramref name="Flags"/>, or why
/// they could not be read (<paramref name="FlagsUnreadable"/>).
/// </summary>
/// <param name="Closed">The windows that were open, oldest first.</param>
/// <param name="ClosedBy">Who closed them.</param>
/// <param name="Restores">For managed windows, what restoring their flags did (read back, or retried later).</param>
public sealed record WriteWindowClosed(
    string Environment, IReadOnlyList<WriteWindow> Closed, string ClosedBy, IReadOnlyList<PostureFlag> Flags, GitHubError? FlagsUnreadable) : WriteWindowOutcome
{
    public IReadOnlyList<WriteWindowRestore> Restores { get; init; } = [];
}
