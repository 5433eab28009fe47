using JobSheetQA.Bot.Chat.Handlers;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;

namespace JobSheetQA.Bot.Promotions.Acknowledgements;

/// <summary>
/// Answers a typed (or submitted) acknowledgement (design.md §5): only the requester's, compared exactly with the
/// phrase (a wrong one leaves the prompt open), used once, and only while HEAD is still the commit it was asked for.
/// An accepted acknowledgement is judged again by the policy with the phrase as the workflow input, then dispatched.
/// </summary>
public sealed class AcknowledgementDialog(
    AcknowledgementStore acknowledgements,
    PromotionStore promotions,
    PromotionTransitions transitions,
    PromotionFactsGatherer gatherer,
    PolicyEngine engine,
    PromotionLauncher launcher)
{
    public async Task<IReadOnlyList<Reply>> AnswerAsync(AcknowledgementEntity acknowledgement, string typed, ChatTurn turn, CancellationToken cancellationToken)
    {
        var promotion = await promotions.FindAsync(acknowledgement.PromotionId, cancellationToken);
        if (acknowledgement.RequesterChannel != turn.Sender.Channel || acknowledgement.RequesterUserId != turn.Sender.UserId)
            return [NotYours(acknowledgement, promotion)];

        if (acknowledgement.State != AcknowledgementState.Pending || acknowledgement.ExpiresAt <= turn.Now)
            return [NotOpen(acknowledgement.ExpiresAt <= turn.Now && acknowledgement.State == AcknowledgementState.Pending ? AcknowledgementUse.Expired : Use(acknowledgement.State), acknowledgement)];

        // Exact and case-sensitive, untrimmed (runbook §5.4): what the workflow itself will compare.
        if (!string.Equals(typed, acknowledgement.PhraseExpected, StringComparison.Ordinal))
            return [Missing(acknowledgement, typed)];

        var use = await acknowledgements.TryUseAsync(acknowledgement.Id, turn.Sender.Channel, turn.Sender.UserId, turn.Now, cancellationToken);
        if (use != AcknowledgementUse.Used)
            return [NotOpen(use, acknowledgement)];

        if (promotion is null || promotion.State != PromotionState.AwaitingAcknowledgement)
            return [Reply.Text($"Promotion `{acknowledgement.PromotionId}` is {PromotionText.State(promotion?.State ?? PromotionState.Cancelled)}; there is nothing to acknowledge.")];

        return [await AcceptAsync(promotion, acknowledgement, typed, turn)];
    }

    private async Task<Reply> AcceptAsync(PromotionEntity promotion, AcknowledgementEntity acknowledgement, string phrase, ChatTurn turn)
    {
        var actor = turn.Sender.DisplayName;
        // Judge again on today's facts with the phrase as typed: the bot's verdict must be the workflow's (design.md §1).
        var gathered = await gatherer.GatherAsync(
            new PromotionAsk(promotion.Id, promotion.Environment, promotion.Ref, promotion.SkipParity, promotion.UseNightlyParity, phrase, promotion.ToRequester()),
            CancellationToken.None);
        if (!gathered.Succeeded)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, PromotionService.GitHubErrorDetails(gathered.Error), cancellationToken: CancellationToken.None);
            return PromotionService.GitHubFailure(gathered.Error, promotion.Id);
        }

        var head = gathered.Facts.Request.CommitSha;
        if (head != acknowledgement.CommitSha)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor,
                System.Text.Json.JsonSerializer.Serialize(new { reason = "head-moved", acknowledgedCommit = acknowledgement.CommitSha, head }),
                cancellationToken: CancellationToken.None);
            return Reply.Text(
                $"**Refused**: {gathered.Facts.Request.Branch} moved from `{PromotionText.Commit(acknowledgement.CommitSha)}` to `{PromotionText.Commit(head)}` since you were asked; "
                + $"your acknowledgement was for `{PromotionText.Commit(acknowledgement.CommitSha)}` only. Promotion `{promotion.Id}` refused and {promotion.Environment} is free: "
                + $"type `{PromotionText.What(promotion)}` again to judge the new commit.");
        }

        var decision = engine.Decide(gathered.Facts);
        if (decision.Verdict != Verdict.Allow)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, AuditDetails.ForDecision(decision), p => p.RecordDecision(decision), CancellationToken.None);
            return PromotionService.Refusal(decision, gathered.Facts.Request, promotion.Id);
        }

        return await launcher.LaunchAsync(promotion, phrase, decision, actor, CancellationToken.None);
    }

    private static Reply Missing(AcknowledgementEntity acknowledgement, string typed) =>
        Reply.Text(
            $"**Missing skip acknowledgement**: you typed `{typed}`. Type exactly `{acknowledgement.PhraseExpected}` "
            + $"(case-sensitive, no extra spaces or characters; runbook §5.4). The prompt for promotion `{acknowledgement.PromotionId}` is still open until "
            + $"{ChatText.Utc(acknowledgement.ExpiresAt)}.");

    private static Reply NotYours(AcknowledgementEntity acknowledgement, PromotionEntity? promotion) =>
        Reply.Text(
            $"Thanks, but only {promotion?.RequesterDisplayName ?? "its requester"} can acknowledge promotion `{acknowledgement.PromotionId}` "
            + $"({acknowledgement.Environment}): an acknowledgement is bound to the person who asked for the promotion. Nothing changed.");

    private static Reply NotOpen(AcknowledgementUse use, AcknowledgementEntity acknowledgement) => Reply.Text(use switch
    {
        AcknowledgementUse.AlreadyUsed => $"That acknowledgement for promotion `{acknowledgement.PromotionId}` was already used; each one counts once. Nothing changed.",
        AcknowledgementUse.Expired => $"The acknowledgement for promotion `{acknowledgement.PromotionId}` expired at {ChatText.Utc(acknowledgement.ExpiresAt)}. "
            + $"Nothing was dispatched; type `promote {acknowledgement.Environment} skip parity` to ask again.",
        AcknowledgementUse.Cancelled => $"The acknowledgement for promotion `{acknowledgement.PromotionId}` was cancelled with its promotion. Nothing was dispatched.",
        AcknowledgementUse.NotRequester => $"Only the requester can acknowledge promotion `{acknowledgement.PromotionId}`. Nothing changed.",
        _ => "That acknowledgement is no longer open. Nothing changed.",
    });

    private static AcknowledgementUse Use(AcknowledgementState state) => state switch
    {
        AcknowledgementState.Used => AcknowledgementUse.AlreadyUsed,
        AcknowledgementState.Cancelled => AcknowledgementUse.Cancelled,
        _ => AcknowledgementUse.Expired,
    };
}
