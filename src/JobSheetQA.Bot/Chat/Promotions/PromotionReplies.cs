using System.Globalization;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Promotions.Acknowledgements;
using JobSheetQA.Bot.Promotions.Cancellation;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// What the bot answers for each <see cref="PromotionOutcome"/> of <c>promote</c>, <c>why</c>, an acknowledgement or
/// <c>cancel</c>: every word of those answers, in one place.
/// </summary>
public static class PromotionReplies
{
    public static Reply For(PromotionOutcome outcome) => outcome switch
    {
        CannotDecide o => CannotDecide(o.Error, o.PromotionId),
        InvalidRef o => Reply.Text(
            $"**Invalid ref**: `{o.Ref}` is not a valid git branch or ref name: {o.Problem}. Name a branch such as `main` or `release/1.2`. "
            + "Nothing was recorded or dispatched."),
        Refused o => Reply.Text($"{DecisionExplainer.Explain(o.Decision, o.Request)}\n\nPromotion `{o.PromotionId}` refused; nothing was dispatched."),
        EnvironmentHeld o => Reply.Text(
            $"**Refused**: {Held(o.Holder)}.\n"
            + $"DENY LOCK (bot policy): one promotion per environment at a time. Try again when it has finished (`status {o.Environment}`). Promotion `{o.PromotionId}` refused; nothing was dispatched."),
        AlreadyRequested o => Reply.Text(
            $"I had already started on this request before an interruption: promotion `{o.PromotionId}` is {PromotionText.State(o.State)}. "
            + $"I did not act on it a second time; `status {o.PromotionId}` shows where it is."),
        AlreadyStopped o => Reply.Text($"Promotion `{o.PromotionId}` is {PromotionText.State(o.State)}; nothing was dispatched."),
        AwaitingAcknowledgement o when ChecklistAnswers.AreAskedBy(o.Acknowledgement) => PreDispatchChecklistForm.Prompt(o),
        AwaitingAcknowledgement o => AcknowledgementPrompt(o),
        ChecklistAnswerUnreadable o => PreDispatchChecklistForm.Unreadable(o),
        AcknowledgementNotNeeded o => Reply.Text($"Promotion `{o.PromotionId}` is {PromotionText.State(o.State)}; no acknowledgement is needed."),
        Judged o => Reply.Text(DecisionExplainer.Explain(o.Decision, o.Request, ExplanationMode.DryRun) + "\n\nDry run: nothing was dispatched."),
        Dispatched o => Dispatched(o),
        DispatchOutcomeUnknown o => Reply.Text(
            $"I asked GitHub to run `promotion.yml` for {PromotionText.What(o.Promotion)} (promotion `{o.Promotion.Id}`), but could not confirm the run: {o.Error.Message}\n"
            + $"I will not dispatch it again. I keep looking for the run by its id `{o.Promotion.CorrelationId}` and post its status here."),
        DispatchFailed o => Reply.Text(
            $"**Dispatch failed**: GitHub refused to run `promotion.yml` for {PromotionText.What(o.Promotion)}: {o.Error.Message}\n"
            + $"Nothing is running. Promotion `{o.Promotion.Id}` failed and {o.Promotion.Environment} is free again."),
        StoppedWhileDispatching o => Reply.Text(
            $"Promotion `{o.Promotion.Id}` was {PromotionText.State(o.State)} while GitHub started its run {o.Run.HtmlUrl ?? o.Run.RunId.ToString(CultureInfo.InvariantCulture)}; "
            + (o.CancelError is null ? "I asked GitHub to cancel the run." : $"cancelling the run failed: {o.CancelError.Message}")),
        StoppedDuringUnknownDispatch o => StoppedDuringUnknownDispatch(o),

        NotYourAcknowledgement o => Reply.Text(
            $"Thanks, but only {o.RequesterName ?? "its requester"} can acknowledge promotion `{o.PromotionId}` "
            + $"({o.Environment}): an acknowledgement is bound to the person who asked for the promotion. Nothing changed."),
        AcknowledgementClosed o => AcknowledgementClosed(o),
        WrongPhrase o => Reply.Text(
            $"**Missing skip acknowledgement**: you typed `{o.Typed}`. Type exactly `{o.Acknowledgement.PhraseExpected}` "
            + $"(case-sensitive, no extra spaces or characters; runbook §5.4). The prompt for promotion `{o.Acknowledgement.PromotionId}` is still open until "
            + $"{ChatText.Utc(o.Acknowledgement.ExpiresAt)}."),
        NothingToAcknowledge o => Reply.Text($"Promotion `{o.PromotionId}` is {PromotionText.State(o.State)}; there is nothing to acknowledge."),
        HeadMoved o => Reply.Text(
            $"**Refused**: {o.Branch} moved from `{PromotionText.Commit(o.AcknowledgedCommit)}` to `{PromotionText.Commit(o.Head)}` since you were asked; "
            + $"your acknowledgement was for `{PromotionText.Commit(o.AcknowledgedCommit)}` only. Promotion `{o.Promotion.Id}` refused and {o.Promotion.Environment} is free: "
            + $"type `{PromotionText.What(o.Promotion)}` again to judge the new commit."),
        OwnAcknowledgementExpired o => Reply.Text(
            $"The acknowledgement for promotion `{o.Promotion.Id}` ({o.Promotion.Environment}) has expired; nothing was dispatched. "
            + $"Type `{PromotionText.What(o.Promotion)}` to ask again."),
        NoAcknowledgementWaiting o => Reply.Text(
            "There is no acknowledgement waiting for you, so nothing changed. "
            + $"To skip parity on staging, type `promote staging skip parity` first; I then ask for `{o.Phrase}`."),

        NothingToCancel o => Reply.Text(o.PromotionId is null
            ? "You have no promotion in flight to cancel (`status` shows who holds each environment)."
            : $"There is no promotion `{o.PromotionId}`."),
        CancelNotAuthorized o => Reply.Text(o.Refusal.Unverified
            ? AuthorizationText.Refusal(o.Refusal)
            : $"Only {o.Promotion.RequesterDisplayName}, who requested promotion `{o.Promotion.Id}`, or a listed canceler can cancel it. "
              + $"{AuthorizationText.HowToBeAdded(o.Refusal)} Nothing changed."),
        AlreadyFinished o => Reply.Text($"Promotion `{o.Promotion.Id}` has already {PromotionText.State(o.Promotion.State)}; there is nothing to cancel."),
        CancelledBeforeDispatch o => Reply.Text(
            $"**Cancelled** promotion `{o.Promotion.Id}` ({PromotionText.What(o.Promotion)}). Nothing was dispatched; {o.Promotion.Environment} is free."),
        FinishedMeanwhile o => Reply.Text($"Promotion `{o.PromotionId}` is {PromotionText.State(o.State)}; nothing to cancel."),
        RunNotKnownYet o => Reply.Text(
            $"Promotion `{o.Promotion.Id}` was dispatched but I have not found its run yet, so there is nothing to cancel on GitHub yet. "
            + "Try again in a moment (`status " + o.Promotion.Id + "`)."),
        RunCancelFailed o => Reply.Text($"I could not cancel run {o.RunId} of promotion `{o.Promotion.Id}`: {o.Error.Message}. Nothing changed."),
        RunCancelRequested o => RunCancelRequested(o),

        _ => throw new NotSupportedException($"No reply for {outcome.GetType().Name}."),
    };

    /// <summary>"staging is held by Alice since 2026-11-26 08:00 UTC (promotion k7m2q9xa)".</summary>
    public static string Held(EnvironmentLock holder) =>
        $"{holder.Environment} is held by {holder.HeldBy} since {ChatText.Utc(holder.Since)} (promotion {holder.PromotionId})";

    private static Reply CannotDecide(GitHubError error, string? promotionId) =>
        Reply.Text(
            $"**Cannot decide**: I could not read what the policy needs from GitHub: {error.Message}\n"
            + (promotionId is null ? "Nothing was dispatched." : $"Nothing was dispatched; promotion `{promotionId}` refused. Try again once GitHub answers."));

    private static Reply AcknowledgementPrompt(AwaitingAcknowledgement asked)
    {
        var (promotion, acknowledgement, finding) = (asked.Promotion, asked.Acknowledgement, asked.Finding);
        var minutes = (int)Math.Round(asked.ExpiresAfter.TotalMinutes);
        var prompt = new TextBlock(
            $"**Needs acknowledgement**: {PromotionText.What(promotion)} at `{PromotionText.Commit(promotion.CommitSha)}` (promotion `{promotion.Id}`).\n"
            + $"ACK  {finding.RuleId} (runbook {finding.RunbookSection}): {finding.Message}\n"
            + $"Type exactly `{acknowledgement.PhraseExpected}` (case-sensitive, no extra spaces or characters) within {minutes} minutes, or enter it below. "
            + $"Only {promotion.RequesterDisplayName} can acknowledge; {promotion.Environment} is held for this promotion until then.");
        var form = new FormBlock(
            AcknowledgementForm.FormId(acknowledgement.Id),
            [new ReplyInput(AcknowledgementForm.PhraseInputId, "Acknowledgement", ReplyInputKind.Text, acknowledgement.PhraseExpected)],
            "Acknowledge");
        var cancel = new ButtonsBlock([new ReplyButton("Cancel", $"cancel {promotion.Id}", ButtonStyle.Danger)]);
        return new Reply([prompt, form, cancel]);
    }

    private static Reply Dispatched(Dispatched dispatched)
    {
        var (promotion, run) = (dispatched.Promotion, dispatched.Run);
        var text = $"**Dispatched** {PromotionText.What(promotion)} at `{PromotionText.Commit(promotion.CommitSha)}` (promotion `{promotion.Id}`)."
            + (run.HtmlUrl is null ? "" : $"\nRun: [{run.RunId}]({run.HtmlUrl})")
            + "\nI post the gates here as they finish.";
        foreach (var warning in dispatched.Decision.Warnings)
            text += $"\nWARN {warning.RuleId}: {warning.Message}";
        return Reply.Text(text);
    }

    private static Reply StoppedDuringUnknownDispatch(StoppedDuringUnknownDispatch stopped)
    {
        var promotion = stopped.Promotion;
        var said = $"Promotion `{promotion.Id}` was {PromotionText.State(stopped.State)} while GitHub was asked to run `promotion.yml`";
        if (stopped.Run is { } run)
            return Reply.Text($"{said}; " + (stopped.CancelError is null ? $"I asked GitHub to cancel its run {run.RunId}." : $"cancelling its run {run.RunId} failed: {stopped.CancelError.Message}"));

        return Reply.Text(
            $"{said}, and GitHub did not confirm a run. If a run titled with `[{promotion.CorrelationId}]` appears in Actions, cancel it there: "
            + "the bot no longer follows it.");
    }

    private static Reply AcknowledgementClosed(AcknowledgementClosed closed)
    {
        if (closed.Acknowledgement is not { } acknowledgement)
            return Reply.Text("That acknowledgement is no longer open. Nothing changed.");

        return Reply.Text(closed.Use switch
        {
            AcknowledgementUse.AlreadyUsed => $"That acknowledgement for promotion `{acknowledgement.PromotionId}` was already used; each one counts once. Nothing changed.",
            AcknowledgementUse.Expired => $"The {(ChecklistAnswers.AreAskedBy(acknowledgement) ? "posture checklist" : "acknowledgement")} for promotion `{acknowledgement.PromotionId}` expired at {ChatText.Utc(acknowledgement.ExpiresAt)}. "
                + $"Nothing was dispatched; type `promote {acknowledgement.Environment}{(ChecklistAnswers.AreAskedBy(acknowledgement) ? "" : " skip parity")}` to ask again.",
            AcknowledgementUse.Cancelled => $"The acknowledgement for promotion `{acknowledgement.PromotionId}` was cancelled with its promotion. Nothing was dispatched.",
            AcknowledgementUse.NotRequester => $"Only the requester can acknowledge promotion `{acknowledgement.PromotionId}`. Nothing changed.",
            _ => "That acknowledgement is no longer open. Nothing changed.",
        });
    }

    private static Reply RunCancelRequested(RunCancelRequested requested)
    {
        var promotion = requested.Promotion;
        var run = promotion.RunUrl is null ? $"run {requested.RunId}" : $"[run {requested.RunId}]({promotion.RunUrl})";
        return Reply.Text(requested.Outcome == CancelOutcome.CancellationRequested
            ? $"**Cancelling** promotion `{promotion.Id}`: GitHub is stopping {run}. The status card says when it has stopped and {promotion.Environment} is free."
            : $"{run} of promotion `{promotion.Id}` had already finished; its outcome is posted on the status card.");
    }
}
