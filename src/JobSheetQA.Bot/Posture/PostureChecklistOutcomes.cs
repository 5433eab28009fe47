using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Posture;

/// <summary>What <see cref="PostureChecklistRecorder"/> did with a submitted checklist: a fact, never wording.</summary>
public abstract record PostureChecklistOutcome;

/// <summary>The checklist names a promotion the bot does not know; nothing was recorded.</summary>
public sealed record ChecklistForUnknownPromotion : PostureChecklistOutcome;

/// <summary>The checklist is only for a successful promotion to a read-only environment; nothing was recorded.</summary>
public sealed record ChecklistNotApplicable(PromotionEntity Promotion) : PostureChecklistOutcome;

/// <summary>The caller may not answer this environment's posture checklist (policy.yaml); nothing was recorded.</summary>
public sealed record ChecklistNotAuthorized(PromotionEntity Promotion, NotAuthorized Refusal) : PostureChecklistOutcome;

/// <summary>The note is longer than <see cref="PostureChecklistAnswers.MaxNoteLength"/>; nothing was recorded.</summary>
public sealed record ChecklistNoteTooLong(int Length) : PostureChecklistOutcome;

/// <summary>The promotion's checklist was recorded before; those answers stand.</summary>
public sealed record ChecklistAlreadyRecorded(PromotionEntity Promotion, PostureChecklistEntity Recorded) : PostureChecklistOutcome;

/// <summary>
/// Recorded and audited. The flag items were cross-checked with GitHub: <paramref name="Contradicted"/> lists flags
/// ticked as false or unset that GitHub says are on; <paramref name="FlagsUnreadable"/> says why there was no cross-check.
/// </summary>
public sealed record ChecklistRecorded(
    PromotionEntity Promotion, PostureChecklistEntity Recorded, IReadOnlyList<PostureFlag> Contradicted, GitHubError? FlagsUnreadable) : PostureChecklistOutcome;
