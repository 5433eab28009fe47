using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Promotions.Acknowledgements;

/// <summary>The acknowledgement is someone else's: bound to the person who asked for the promotion. Nothing changed.</summary>
/// <param name="RequesterName">Who may acknowledge it, when known.</param>
public sealed record NotYourAcknowledgement(string PromotionId, string Environment, string? RequesterName) : PromotionOutcome;

/// <summary>The acknowledgement can no longer be given (used, expired, cancelled, or not found). Nothing changed.</summary>
/// <param name="Use">Why it is closed.</param>
/// <param name="Acknowledgement">The acknowledgement, when it exists.</param>
public sealed record AcknowledgementClosed(AcknowledgementUse Use, AcknowledgementEntity? Acknowledgement) : PromotionOutcome;

/// <summary>The text was not exactly the phrase (runbook §5.4); the prompt stays open until it expires.</summary>
/// <param name="Typed">What was typed, as delivered.</param>
public sealed record WrongPhrase(AcknowledgementEntity Acknowledgement, string Typed) : PromotionOutcome;

/// <summary>The acknowledgement was used, but its promotion no longer waits for it.</summary>
public sealed record NothingToAcknowledge(string PromotionId, PromotionState State) : PromotionOutcome;

/// <summary>The branch moved after the acknowledgement was asked for: it covered the old commit only, so the promotion was refused.</summary>
public sealed record HeadMoved(PromotionEntity Promotion, string Branch, string AcknowledgedCommit, string Head) : PromotionOutcome;

/// <summary>The caller typed the phrase, but their own acknowledgement had already expired.</summary>
public sealed record OwnAcknowledgementExpired(PromotionEntity Promotion) : PromotionOutcome;

/// <summary>The caller typed the phrase with no acknowledgement waiting for anyone here.</summary>
/// <param name="Phrase">The phrase the bot asks for after <c>promote staging skip parity</c>.</param>
public sealed record NoAcknowledgementWaiting(string Phrase) : PromotionOutcome;

/// <summary>The requester typed something that is not three yes/no answers to the posture checklist; the question stays open.</summary>
/// <param name="Typed">What was typed, as delivered.</param>
public sealed record ChecklistAnswerUnreadable(AcknowledgementEntity Acknowledgement, string Typed) : PromotionOutcome;
