using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Evidence.Parity;

/// <summary>What <c>parity [&lt;commit&gt;|&lt;run&gt;]</c> found.</summary>
public abstract record ParityLookup;

/// <summary>The run's parity results; <paramref name="Promotion"/> when the run is one of the bot's promotions.</summary>
public sealed record ParityFound(ParityEvidence Evidence, PromotionEntity? Promotion) : ParityLookup;

/// <summary>No run matches; <paramref name="Reason"/> says what was looked for.</summary>
public sealed record ParityNotFound(string Reason) : ParityLookup;

/// <summary>GitHub could not be asked about the run.</summary>
public sealed record ParityLookupFailed(string What, GitHubError Error) : ParityLookup;
