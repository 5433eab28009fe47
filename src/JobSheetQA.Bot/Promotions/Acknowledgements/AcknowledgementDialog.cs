using System.Text.Json;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Posture;

namespace JobSheetQA.Bot.Promotions.Acknowledgements;

/// <summary>
/// Answers a typed (or submitted) acknowledgement (runbook §2.4, §5.4): only the requester's, compared exactly with the
/// phrase (a wrong one leaves the prompt open), used once, and only while HEAD is still the commit it was asked for.
/// An accepted acknowledgement is judged again by the policy with the phrase as the workflow input, then dispatched.
/// The pre-dispatch posture checklist (runbook §4.2, POSTURE-CHECKLIST) is the same kind of question with three yes/no
/// answers instead of a phrase: the answers are stored with the promotion (items 1–2 as GitHub has the flags) and judged.
/// </summary>
public sealed class AcknowledgementDialog(
    AcknowledgementStore acknowledgements,
    PromotionStore promotions,
    PromotionTransitions transitions,
    PromotionFactsGatherer gatherer,
    PolicyEngine engine,
    PromotionPolicy policy,
    PromotionLauncher launcher,
    PostureChecklistStore checklists,
    AuditLog audit)
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

    /// <summary>The pre-dispatch checklist's form was submitted (runbook §4.2 items 3–5) for that one question.</summary>
    public async Task<PromotionOutcome> AnswerChecklistFormAsync(string acknowledgementId, ChecklistAnswers answers, Caller caller, CancellationToken cancellationToken)
    {
        if (await acknowledgements.FindAsync(acknowledgementId, cancellationToken) is not { } acknowledgement || !ChecklistAnswers.AreAskedBy(acknowledgement))
            return new AcknowledgementClosed(AcknowledgementUse.NotFound, null);

        var (promotion, closed) = await OpenFor(acknowledgement, caller, cancellationToken);
        return closed ?? await UseAsync(acknowledgement, promotion, caller, p => AcceptChecklistAsync(p, acknowledgement, answers, caller), cancellationToken);
    }

    private async Task<PromotionOutcome> AnswerAsync(AcknowledgementEntity acknowledgement, string typed, Caller caller, CancellationToken cancellationToken)
    {
        var (promotion, closed) = await OpenFor(acknowledgement, caller, cancellationToken);
        if (closed is not null)
            return closed;

        if (ChecklistAnswers.AreAskedBy(acknowledgement))
        {
            return ChecklistAnswers.Parse(typed) is { } answers
                ? await UseAsync(acknowledgement, promotion, caller, p => AcceptChecklistAsync(p, acknowledgement, answers, caller), cancellationToken)
                : new ChecklistAnswerUnreadable(acknowledgement, typed);
        }

        // Exact and case-sensitive, untrimmed (runbook §5.4): what the workflow itself will compare.
        if (!string.Equals(typed, acknowledgement.PhraseExpected, StringComparison.Ordinal))
            return new WrongPhrase(acknowledgement, typed);

        return await UseAsync(acknowledgement, promotion, caller, p => AcceptAsync(p, acknowledgement, typed, caller), cancellationToken);
    }

    /// <summary>Null when <paramref name="caller"/> may answer the acknowledgement now; else why not.</summary>
    private async Task<(PromotionEntity? Promotion, PromotionOutcome? Closed)> OpenFor(AcknowledgementEntity acknowledgement, Caller caller, CancellationToken cancellationToken)
    {
        var promotion = await promotions.FindAsync(acknowledgement.PromotionId, cancellationToken);
        if (acknowledgement.RequesterChannel != caller.Identity.Channel || acknowledgement.RequesterUserId != caller.Identity.UserId)
            return (promotion, new NotYourAcknowledgement(acknowledgement.PromotionId, acknowledgement.Environment, promotion?.RequesterDisplayName));

        if (acknowledgement.State != AcknowledgementState.Pending || acknowledgement.ExpiresAt <= caller.At)
        {
            var use = acknowledgement.ExpiresAt <= caller.At && acknowledgement.State == AcknowledgementState.Pending ? AcknowledgementUse.Expired : Use(acknowledgement.State);
            return (promotion, new AcknowledgementClosed(use, acknowledgement));
        }

        return (promotion, null);
    }

    /// <summary>Uses the acknowledgement once (a guarded update decides between two answers) and goes on with its promotion.</summary>
    private async Task<PromotionOutcome> UseAsync(
        AcknowledgementEntity acknowledgement, PromotionEntity? promotion, Caller caller, Func<PromotionEntity, Task<PromotionOutcome>> accept, CancellationToken cancellationToken)
    {
        var used = await acknowledgements.TryUseAsync(acknowledgement.Id, caller.Identity.Channel, caller.Identity.UserId, caller.At, cancellationToken);
        if (used != AcknowledgementUse.Used)
            return new AcknowledgementClosed(used, acknowledgement);

        if (promotion is null || promotion.State != PromotionState.AwaitingAcknowledgement)
            return new NothingToAcknowledge(acknowledgement.PromotionId, promotion?.State ?? PromotionState.Cancelled);

        return await accept(promotion);
    }

    /// <summary>
    /// Runbook §4.2 before dispatch: items 1–2 as GitHub has the flags now (the winning scope's value), items 3–5 as the
    /// requester answered; stored with the promotion (once), audited, and judged with every rule before dispatch.
    /// </summary>
    private async Task<PromotionOutcome> AcceptChecklistAsync(PromotionEntity promotion, AcknowledgementEntity acknowledgement, ChecklistAnswers answers, Caller caller)
    {
        var gathered = await gatherer.GatherAsync(
            new PromotionAsk(promotion.Id, promotion.Environment, promotion.Ref, promotion.SkipParity, promotion.UseNightlyParity, AcknowledgementText: null, promotion.ToRequester()),
            CancellationToken.None);
        var stopped = await NotJudgeable(promotion, acknowledgement, gathered, caller);
        if (stopped is not null || !gathered.Succeeded)
            return stopped!;

        var flags = gathered.Facts.PostureFlags;
        var recording = await checklists.RecordAsync(new PostureChecklistEntity
        {
            PromotionId = promotion.Id,
            Stage = PostureChecklistStage.BeforeDispatch,
            Environment = promotion.Environment,
            CommitSha = promotion.CommitSha,
            RecordedBy = caller.Identity.DisplayName,
            RecordedById = caller.Identity.QualifiedId,
            RecordedAt = caller.At,
            PurgeExecutionDisabled = !flags.Any(f => f.Name == PurgeExecutionPostureRule.Flag && f.IsEnabled),
            SchedulerDisabled = !flags.Any(f => f.Name == SchedulerPostureRule.Flag && f.IsEnabled),
            DatabaseReadOnly = answers.DatabaseReadOnly,
            NoDestructiveOperationsScheduled = answers.NoDestructiveOperationsScheduled,
            MonitoringAlertsConfigured = answers.MonitoringAlertsConfigured,
        }, CancellationToken.None);
        var stored = recording.Checklist;
        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "posture-checklist.answered", promotion.Id, promotion.Environment,
            JsonSerializer.Serialize(new
            {
                stage = "before-dispatch",
                commit = promotion.CommitSha,
                by = caller.Identity.QualifiedId,
                items = AuditDetails.ChecklistItems(stored),
            })), CancellationToken.None);

        var answer = new PostureChecklistAnswer(promotion.Id, stored.DatabaseReadOnly, stored.NoDestructiveOperationsScheduled, stored.MonitoringAlertsConfigured, stored.RecordedBy);
        var facts = gathered.Facts with { PostureChecklists = [answer] };
        return await JudgeAndLaunchAsync(promotion, facts, phrase: null, caller);
    }

    /// <summary>GitHub unreadable, or HEAD moved since the question: refused (audited); null when the facts can be judged.</summary>
    private async Task<PromotionOutcome?> NotJudgeable(PromotionEntity promotion, AcknowledgementEntity acknowledgement, GatheredFacts gathered, Caller caller)
    {
        if (!gathered.Succeeded)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor, PromotionService.GitHubErrorDetails(gathered.Error), cancellationToken: CancellationToken.None);
            return new CannotDecide(gathered.Error, promotion.Id);
        }

        var head = gathered.Facts.Request.CommitSha;
        if (head == acknowledgement.CommitSha)
            return null;

        await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor,
            JsonSerializer.Serialize(new { reason = "head-moved", acknowledgedCommit = acknowledgement.CommitSha, head }),
            cancellationToken: CancellationToken.None);
        return new HeadMoved(promotion, gathered.Facts.Request.Branch, acknowledgement.CommitSha, head);
    }

    /// <summary>Every rule again on today's facts: anything short of Allow refuses (audited), else dispatch.</summary>
    private async Task<PromotionOutcome> JudgeAndLaunchAsync(PromotionEntity promotion, PromotionFacts facts, string? phrase, Caller caller)
    {
        var decision = engine.Decide(facts);
        if (decision.Verdict != Verdict.Allow)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor, AuditDetails.ForDecision(decision), p => p.RecordDecision(decision), CancellationToken.None);
            return new Refused(decision, facts.Request, promotion.Id);
        }

        return await launcher.LaunchAsync(promotion, phrase, decision, caller.Actor, CancellationToken.None);
    }

    private async Task<PromotionOutcome> AcceptAsync(PromotionEntity promotion, AcknowledgementEntity acknowledgement, string phrase, Caller caller)
    {
        // Judge again on today's facts with the phrase as typed: the bot's verdict must be the workflow's.
        var gathered = await gatherer.GatherAsync(
            new PromotionAsk(promotion.Id, promotion.Environment, promotion.Ref, promotion.SkipParity, promotion.UseNightlyParity, phrase, promotion.ToRequester()),
            CancellationToken.None);
        var stopped = await NotJudgeable(promotion, acknowledgement, gathered, caller);
        if (stopped is not null || !gathered.Succeeded)
            return stopped!;

        return await JudgeAndLaunchAsync(promotion, gathered.Facts, phrase, caller);
    }

    private static AcknowledgementUse Use(AcknowledgementState state) => state switch
    {
        AcknowledgementState.Used => AcknowledgementUse.AlreadyUsed,
        AcknowledgementState.Cancelled => AcknowledgementUse.Cancelled,
        _ => AcknowledgementUse.Expired,
    };
}
