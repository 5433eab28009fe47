using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Evidence.Parity;

/// <summary>What <c>parity [&lt;commit&gt;|&lt;run&gt;]</c> found.</summary>
public abstract record ParityLookup;

/// <summary>The run's parity results; <paramref name="Promotion"/> when the run is one of the bot's promotions.</summary>
public sealed record ParityFound(ParityEvidence Evidence, PromotionEntity? Promotion) : ParityLookup;

/// <summary>What was typed after <c>parity</c> is neither a commit (hex digits) nor a run id (digits); nothing was looked up.</summary>
/// <param name="Typed">As typed.</param>
public sealed record ParityTargetUnreadable(string Typed) : ParityLookup;

/// <summary>No promotion (of a commit starting <paramref name="Commit"/>, when given) has reached the Parity Gate.</summary>
public sealed record NoParityRun(string? Commit) : ParityLookup;

/// <summary>GitHub has no workflow run <paramref name="RunId"/>.</summary>
public sealed record NoSuchRun(long RunId) : ParityLookup;

/// <summary>GitHub could not be asked about workflow run <paramref name="RunId"/>.</summary>
public sealed record ParityLookupFailed(long RunId, GitHubError Error) : ParityLookup;
