using System.Text.Json;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// <c>promote &lt;env&gt;</c> from chat to GitHub (design.md §1): record the request, gather the facts, let the policy
/// decide, then refuse with reasons, take the environment and ask for the typed acknowledgement, or dispatch.
/// Every step is a persisted, audited move of the promotion (<see cref="PromotionTransitions"/>).
/// </summary>
public sealed class PromotionService(
    PromotionStore promotions,
    PromotionTransitions transitions,
    PromotionLocks locks,
    AcknowledgementStore acknowledgements,
    IAcknowledgementExpiry acknowledgementExpiry,
    PromotionFactsGatherer gatherer,
    PolicyEngine engine,
    PromotionPolicy policy,
    PromotionLauncher launcher,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>The id of the acknowledgement form's one text input.</summary>
    public const string PhraseInputId = "phrase";

    /// <summary>The form id of an acknowledgement prompt: <c>ack:&lt;acknowledgement id&gt;</c>.</summary>
    public static string AcknowledgementFormId(string acknowledgementId) => $"ack:{acknowledgementId}";

    public async Task<IReadOnlyList<Reply>> PromoteAsync(PromoteCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var actor = turn.Sender.DisplayName;
        var promotion = await CreateAsync(command, turn, cancellationToken);

        var gathered = await gatherer.GatherAsync(Ask(promotion.Id, command, turn), cancellationToken);
        if (!gathered.Succeeded)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, GitHubErrorDetails(gathered.Error), cancellationToken: CancellationToken.None);
            return [GitHubFailure(gathered.Error, promotion.Id)];
        }

        var facts = gathered.Facts;
        var decision = engine.Decide(facts);
        var decisionDetails = AuditDetails.ForDecision(decision);
        var evaluated = await transitions.MoveAsync(promotion.Id, PromotionState.Evaluated, actor, decisionDetails, p =>
        {
            p.Ref = facts.Request.Ref;
            p.CommitSha = facts.Request.CommitSha;
            p.RecordDecision(decision);
        }, CancellationToken.None);
        if (!evaluated.Moved)
            return [Reply.Text($"Promotion `{promotion.Id}` is {PromotionText.State(evaluated.Promotion?.State ?? PromotionState.Cancelled)}; nothing was dispatched.")];
        promotion = evaluated.Promotion!;

        if (decision.Verdict == Verdict.Deny)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, decisionDetails, cancellationToken: CancellationToken.None);
            return [Refusal(decision, facts.Request, promotion.Id)];
        }

        // The database decides between requesters racing for the environment (rule LOCK, enforced where it cannot be raced).
        var lockTaken = await locks.TryAcquireAsync(promotion.Environment, promotion.Id, actor, time.GetUtcNow(), CancellationToken.None);
        if (!lockTaken.Acquired)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, LockDetails(lockTaken), cancellationToken: CancellationToken.None);
            return [Reply.Text(
                $"**Refused**: {lockTaken.Describe()}.\n"
                + $"DENY LOCK (bot policy): one promotion per environment at a time. Try again when it has finished (`status {promotion.Environment}`). Promotion `{promotion.Id}` refused; nothing was dispatched.")];
        }

        return decision.Verdict == Verdict.RequireAcknowledgement
            ? await AskForAcknowledgementAsync(promotion, decision, turn, decisionDetails)
            : [await launcher.LaunchAsync(promotion, acknowledgement: null, decision, actor, CancellationToken.None)];
    }

    /// <summary><c>--dry-run</c> and <c>why</c>: every rule's verdict on today's facts; nothing is stored but the audit line, nothing dispatched.</summary>
    public async Task<IReadOnlyList<Reply>> DryRunAsync(PromoteCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var gathered = await gatherer.GatherAsync(Ask(PromotionIds.New(), command, turn), cancellationToken);
        if (!gathered.Succeeded)
            return [GitHubFailure(gathered.Error, promotionId: null)];

        var decision = engine.Decide(gathered.Facts);
        await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "promotion.dry-run", null, command.Environment, AuditDetails.ForDecision(decision)), cancellationToken);
        return [Reply.Text(DecisionExplainer.Explain(decision, gathered.Facts.Request, ExplanationMode.DryRun) + "\n\nDry run: nothing was dispatched.")];
    }

    /// <summary>A refusal: the verdict first, then each finding with its rule id and runbook section.</summary>
    public static Reply Refusal(Decision decision, JobSheetQA.Rules.Facts.PromotionRequest request, string promotionId) =>
        Reply.Text($"{DecisionExplainer.Explain(decision, request)}\n\nPromotion `{promotionId}` refused; nothing was dispatched.");

    public static Reply GitHubFailure(GitHubError error, string? promotionId) =>
        Reply.Text(
            $"**Cannot decide**: I could not read what the policy needs from GitHub: {error.Message}\n"
            + (promotionId is null ? "Nothing was dispatched." : $"Nothing was dispatched; promotion `{promotionId}` refused. Try again once GitHub answers."));

    public static string GitHubErrorDetails(GitHubError error) =>
        JsonSerializer.Serialize(new { error = new { kind = error.Kind.ToString(), message = error.Message, status = error.StatusCode } });

    private async Task<IReadOnlyList<Reply>> AskForAcknowledgementAsync(PromotionEntity promotion, Decision decision, ChatTurn turn, string decisionDetails)
    {
        var finding = decision.Acknowledgements.First();
        var phrase = policy.Acknowledgement.Phrase;
        var acknowledgement = await acknowledgements.RequestAsync(
            promotion.Id, turn.Sender.Channel, turn.Sender.UserId, promotion.Environment, promotion.CommitSha,
            finding.RuleId, phrase, time.GetUtcNow(), policy.Acknowledgement.ExpiresAfter, CancellationToken.None);

        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.AwaitingAcknowledgement, turn.Sender.DisplayName, decisionDetails, cancellationToken: CancellationToken.None);
        if (!moved.Moved)
        {
            await acknowledgements.CancelForPromotionAsync(promotion.Id, CancellationToken.None);
            return [Reply.Text($"Promotion `{promotion.Id}` is {PromotionText.State(moved.Promotion?.State ?? PromotionState.Cancelled)}; no acknowledgement is needed.")];
        }

        acknowledgementExpiry.ExpireAt(acknowledgement.ExpiresAt);

        var minutes = (int)Math.Round(policy.Acknowledgement.ExpiresAfter.TotalMinutes);
        var prompt = new TextBlock(
            $"**Needs acknowledgement**: {PromotionText.What(promotion)} at `{PromotionText.Commit(promotion.CommitSha)}` (promotion `{promotion.Id}`).\n"
            + $"ACK  {finding.RuleId} (runbook {finding.RunbookSection}): {finding.Message}\n"
            + $"Type exactly `{phrase}` (case-sensitive, no extra spaces or characters) within {minutes} minutes, or enter it below. "
            + $"Only {turn.Sender.DisplayName} can acknowledge; {promotion.Environment} is held for this promotion until then.");
        var form = new FormBlock(
            AcknowledgementFormId(acknowledgement.Id),
            [new ReplyInput(PhraseInputId, "Acknowledgement", ReplyInputKind.Text, phrase)],
            "Acknowledge");
        var cancel = new ButtonsBlock([new ReplyButton("Cancel", $"cancel {promotion.Id}", ButtonStyle.Danger)]);
        return [new Reply([prompt, form, cancel])];
    }

    private async Task<PromotionEntity> CreateAsync(PromoteCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var id = PromotionIds.New();
        var promotion = new PromotionEntity
        {
            Id = id,
            Environment = command.Environment,
            Ref = command.Ref ?? policy.AllowedBranch,
            // Unknown until HEAD is read; set when the promotion is evaluated.
            CommitSha = "",
            SkipParity = command.SkipParity,
            UseNightlyParity = command.UseNightlyParity,
            RequesterChannel = turn.Sender.Channel,
            RequesterUserId = turn.Sender.UserId,
            RequesterDisplayName = turn.Sender.DisplayName,
            RequesterEmail = turn.Sender.Email,
            State = PromotionState.Requested,
            // The promotion id doubles as the correlation id: it is what the run title carries (PromotionDispatch).
            CorrelationId = id,
            CreatedAt = turn.Now,
            UpdatedAt = turn.Now,
            ConversationReferenceId = turn.ConversationReferenceId,
        };
        await promotions.AddAsync(promotion, cancellationToken);
        var details = JsonSerializer.Serialize(new { command.Environment, @ref = promotion.Ref, command.SkipParity, command.UseNightlyParity, requester = turn.Sender.QualifiedId });
        await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "promotion.requested", id, command.Environment, details), CancellationToken.None);
        return promotion;
    }

    private static PromotionAsk Ask(string promotionId, PromoteCommand command, ChatTurn turn) =>
        new(promotionId, command.Environment, command.Ref, command.SkipParity, command.UseNightlyParity, AcknowledgementText: null, turn.Sender);

    private static string LockDetails(LockAcquisition held) => JsonSerializer.Serialize(new
    {
        verdict = "Deny",
        findings = new[] { new { ruleId = "LOCK", heldBy = held.Holder.HeldBy, since = held.Holder.Since, promotion = held.Holder.PromotionId } },
    });
}
