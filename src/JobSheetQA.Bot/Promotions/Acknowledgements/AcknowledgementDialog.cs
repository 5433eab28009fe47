using System.Text.Json;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Promotions.Acknowledgements;

/// <summary>
/// Answers a typed (or submitted) acknowledgement (runbook §2.4, §5.4): only the requester's, compared exactly with the
/// phrase (a wrong one leaves the prompt open), used once, and only while HEAD is still the commit it was asked for.
/// An accepted acknowledgement is judged again by the policy with the phrase as the workflow input, then dispatched.
/// </summary>
public sealed class AcknowledgementDialog(
    AcknowledgementStore acknowledgements,
    PromotionStore promotions,
    PromotionTransitions transitions,
    PromotionFactsGatherer gatherer,
    PolicyEngine engine,
    PromotionPolicy policy,
    PromotionLauncher launcher)
{
    /// <summary>
    /// Text that is not a command: while the caller has an acknowledgement to give it is their answer, right or wrong.
    /// Someone without one who types the phrase is told whose it is (or that theirs expired); null when the text is
    /// none of this dialog's business.
    /// </summary>
    public async Task<PromotionOutcome?> AnswerTextAsync(string text, Caller caller, CancellationToken cancellationToken)
    {
        var pending = await acknowledgements.PendingForRequesterAsync(caller.Identity.Channel, caller.Identity.UserId, caller.At, cancellationToken);
        if (pending.Count > 0)
            return await AnswerAsync(pending[0], text, caller, cancellationToken);

        if (!text.Contains(policy.Acknowledgement.Phrase, StringComparison.OrdinalIgnoreCase))
            return null;

        var awaiting = await promotions.InStatesAsync([PromotionState.AwaitingAcknowledgement], cancellationToken);
        if (awaiting.LastOrDefault(p => p.IsRequestedBy(caller.Identity)) is { } own)
            return new OwnAcknowledgementExpired(own);

        if (awaiting.LastOrDefault(p => p.ConversationReferenceId == caller.ConversationReferenceId) is { } theirs)
            return new NotYourAcknowledgement(theirs.Id, theirs.Environment, theirs.RequesterDisplayName);

        return new NoAcknowledgementWaiting(policy.Acknowledgement.Phrase);
    }

    /// <summary>The prompt's form was submitted: the same answer as typing the phrase, for that one acknowledgement.</summary>
    public async Task<PromotionOutcome> AnswerFormAsync(string acknowledgementId, string typed, Caller caller, CancellationToken cancellationToken) =>
        await acknowledgements.FindAsync(acknowledgementId, cancellationToken) is { } acknowledgement
            ? await AnswerAsync(acknowledgement, typed, caller, cancellationToken)
            : new AcknowledgementClosed(AcknowledgementUse.NotFound, null);

    private async Task<PromotionOutcome> AnswerAsync(AcknowledgementEntity acknowledgement, string typed, Caller caller, CancellationToken cancellationToken)
    {
        var promotion = await promotions.FindAsync(acknowledgement.PromotionId, cancellationToken);
        if (acknowledgement.RequesterChannel != caller.Identity.Channel || acknowledgement.RequesterUserId != caller.Identity.UserId)
            return new NotYourAcknowledgement(acknowledgement.PromotionId, acknowledgement.Environment, promotion?.RequesterDisplayName);

        if (acknowledgement.State != AcknowledgementState.Pending || acknowledgement.ExpiresAt <= caller.At)
        {
            var use = acknowledgement.ExpiresAt <= caller.At && acknowledgement.State == AcknowledgementState.Pending ? AcknowledgementUse.Expired : Use(acknowledgement.State);
            return new AcknowledgementClosed(use, acknowledgement);
        }

        // Exact and case-sensitive, untrimmed (runbook §5.4): what the workflow itself will compare.
        if (!string.Equals(typed, acknowledgement.PhraseExpected, StringComparison.Ordinal))
            return new WrongPhrase(acknowledgement, typed);

        var used = await acknowledgements.TryUseAsync(acknowledgement.Id, caller.Identity.Channel, caller.Identity.UserId, caller.At, cancellationToken);
        if (used != AcknowledgementUse.Used)
            return new AcknowledgementClosed(used, acknowledgement);

        if (promotion is null || promotion.State != PromotionState.AwaitingAcknowledgement)
            return new NothingToAcknowledge(acknowledgement.PromotionId, promotion?.State ?? PromotionState.Cancelled);

        return await AcceptAsync(promotion, acknowledgement, typed, caller);
    }

    private async Task<PromotionOutcome> AcceptAsync(PromotionEntity promotion, AcknowledgementEntity acknowledgement, string phrase, Caller caller)
    {
        // Judge again on today's facts with the phrase as typed: the bot's verdict must be the workflow's.
        var gathered = await gatherer.GatherAsync(
            new PromotionAsk(promotion.Id, promotion.Environment, promotion.Ref, promotion.SkipParity, promotion.UseNightlyParity, phrase, promotion.ToRequester()),
            CancellationToken.None);
        if (!gathered.Succeeded)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor, PromotionService.GitHubErrorDetails(gathered.Error), cancellationToken: CancellationToken.None);
            return new CannotDecide(gathered.Error, promotion.Id);
        }

        var head = gathered.Facts.Request.CommitSha;
        if (head != acknowledgement.CommitSha)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor,
                JsonSerializer.Serialize(new { reason = "head-moved", acknowledgedCommit = acknowledgement.CommitSha, head }),
                cancellationToken: CancellationToken.None);
            return new HeadMoved(promotion, gathered.Facts.Request.Branch, acknowledgement.CommitSha, head);
        }

        var decision = engine.Decide(gathered.Facts);
        if (decision.Verdict != Verdict.Allow)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor, AuditDetails.ForDecision(decision), p => p.RecordDecision(decision), CancellationToken.None);
            return new Refused(decision, gathered.Facts.Request, promotion.Id);
        }

        return await launcher.LaunchAsync(promotion, phrase, decision, caller.Actor, CancellationToken.None);
    }

    private static AcknowledgementUse Use(AcknowledgementState state) => state switch
    {
        AcknowledgementState.Used => AcknowledgementUse.AlreadyUsed,
        AcknowledgementState.Cancelled => AcknowledgementUse.Cancelled,
        _ => AcknowledgementUse.Expired,
    };
}
