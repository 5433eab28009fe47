using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Posture;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// <c>promote &lt;env&gt;</c> from request to GitHub: record the request, gather the facts, let the policy decide, then
/// refuse with reasons, take the environment and ask for the typed acknowledgement, or dispatch. Every step is a
/// persisted, audited move of the promotion (<see cref="PromotionTransitions"/>); the answer is a <see cref="PromotionOutcome"/>.
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
    BotMetrics metrics,
    TimeProvider time)
{
    public async Task<PromotionOutcome> PromoteAsync(PromoteRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (InvalidRefIn(request) is { } invalid)
            return invalid;

        // The same request again (its turn handled a second time after an interruption): never a second promotion.
        var id = caller.RequestKey is { } key ? PromotionIds.For(key) : PromotionIds.New();
        if (caller.RequestKey is not null && await promotions.FindAsync(id, cancellationToken) is { } earlier)
            return new AlreadyRequested(earlier.Id, earlier.State);

        var promotion = await CreateAsync(id, request, caller, cancellationToken);

        var gathered = await gatherer.GatherAsync(Ask(promotion.Id, request, caller), cancellationToken);
        if (!gathered.Succeeded)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor, GitHubErrorDetails(gathered.Error), cancellationToken: CancellationToken.None);
            return new CannotDecide(gathered.Error, promotion.Id);
        }

        var facts = gathered.Facts;
        var decision = Decide(facts, "promote");
        var decisionDetails = AuditDetails.ForDecision(decision);
        var evaluated = await transitions.MoveAsync(promotion.Id, PromotionState.Evaluated, caller.Actor, decisionDetails, p =>
        {
            p.Ref = facts.Request.Ref;
            p.CommitSha = facts.Request.CommitSha;
            p.RecordDecision(decision);
        }, CancellationToken.None);
        if (!evaluated.Moved)
            return new AlreadyStopped(promotion.Id, evaluated.Promotion?.State ?? PromotionState.Cancelled);
        promotion = evaluated.Promotion!;

        if (decision.Verdict == Verdict.Deny)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor, decisionDetails, cancellationToken: CancellationToken.None);
            return new Refused(decision, facts.Request, promotion.Id);
        }

        // The database decides between requesters racing for the environment (rule LOCK, enforced where it cannot be raced).
        var lockTaken = await locks.TryAcquireAsync(promotion.Environment, promotion.Id, caller.Identity.DisplayName, time.GetUtcNow(), CancellationToken.None);
        if (!lockTaken.Acquired)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, caller.Actor, AuditDetails.ForLockRefusal(lockTaken.Holder), cancellationToken: CancellationToken.None);
            return new EnvironmentHeld(lockTaken.Holder, promotion.Id, promotion.Environment);
        }

        return decision.Verdict == Verdict.RequireAcknowledgement
            ? await AskForAcknowledgementAsync(promotion, decision, caller, decisionDetails)
            : await launcher.LaunchAsync(promotion, acknowledgement: null, decision, caller.Actor, CancellationToken.None);
    }

    /// <summary><c>--dry-run</c> and <c>why</c>: every rule's verdict on today's facts; nothing is stored but the audit line, nothing dispatched.</summary>
    public async Task<PromotionOutcome> DryRunAsync(PromoteRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (InvalidRefIn(request) is { } invalid)
            return invalid;

        var gathered = await gatherer.GatherAsync(Ask(PromotionIds.New(), request, caller) with { DryRun = true }, cancellationToken);
        if (!gathered.Succeeded)
            return new CannotDecide(gathered.Error, PromotionId: null);

        var decision = Decide(gathered.Facts, "dry-run");
        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "promotion.dry-run", null, request.Environment, AuditDetails.ForDecision(decision)), cancellationToken);
        return new Judged(decision, gathered.Facts.Request);
    }

    /// <summary>The policy's verdict, traced (<c>policy.decide</c>) and counted by verdict and by rule.</summary>
    private Decision Decide(PromotionFacts facts, string kind)
    {
        using var span = BotTelemetry.Policy.StartActivity("policy.decide");
        var decision = engine.Decide(facts);
        span?.SetTag("promotion.environment", facts.Request.Environment);
        span?.SetTag("decision.verdict", decision.Verdict.ToString());
        span?.SetTag("decision.kind", kind);
        metrics.Decision(kind, decision.Verdict.ToString(), decision.Findings.Select(f => (f.RuleId, f.Outcome.ToString())));
        return decision;
    }

    /// <summary>The audit details of a refusal for want of GitHub's answer.</summary>
    public static string GitHubErrorDetails(GitHubError error) =>
        JsonSerializer.Serialize(new { error = new { kind = error.Kind.ToString(), message = error.Message, status = error.StatusCode } });

    private async Task<PromotionOutcome> AskForAcknowledgementAsync(PromotionEntity promotion, Decision decision, Caller caller, string decisionDetails)
    {
        var finding = decision.Acknowledgements.First();
        // The posture checklist (runbook §4.2) is answered yes/no, not with a phrase; it expires like one.
        var phrase = finding.RuleId == PostureChecklistRule.Id ? "" : policy.Acknowledgement.Phrase;
        var acknowledgement = await acknowledgements.RequestAsync(
            promotion.Id, caller.Identity.Channel, caller.Identity.UserId, promotion.Environment, promotion.CommitSha,
            finding.RuleId, phrase, time.GetUtcNow(), policy.Acknowledgement.ExpiresAfter, CancellationToken.None);

        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.AwaitingAcknowledgement, caller.Actor, decisionDetails, cancellationToken: CancellationToken.None);
        if (!moved.Moved)
        {
            await acknowledgements.CancelForPromotionAsync(promotion.Id, CancellationToken.None);
            return new AcknowledgementNotNeeded(promotion.Id, moved.Promotion?.State ?? PromotionState.Cancelled);
        }

        acknowledgementExpiry.ExpireAt(acknowledgement.ExpiresAt);
        return new AwaitingAcknowledgement(moved.Promotion!, acknowledgement, finding, policy.Acknowledgement.ExpiresAfter);
    }

    private async Task<PromotionEntity> CreateAsync(string id, PromoteRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var requester = caller.Identity;
        var promotion = new PromotionEntity
        {
            Id = id,
            Environment = request.Environment,
            Ref = request.Ref ?? policy.AllowedBranch,
            // Unknown until HEAD is read; set when the promotion is evaluated.
            CommitSha = "",
            SkipParity = request.SkipParity,
            UseNightlyParity = request.UseNightlyParity,
            RequesterChannel = requester.Channel,
            RequesterUserId = requester.UserId,
            RequesterDisplayName = requester.DisplayName,
            RequesterEmail = requester.Email,
            State = PromotionState.Requested,
            // The promotion id doubles as the correlation id: it is what the run title carries (PromotionDispatch).
            CorrelationId = id,
            CreatedAt = caller.At,
            UpdatedAt = caller.At,
            ConversationReferenceId = caller.ConversationReferenceId,
            ConversationThreadId = caller.ThreadId,
        };
        await promotions.AddAsync(promotion, cancellationToken);
        metrics.Promotion(nameof(PromotionState.Requested));
        var details = JsonSerializer.Serialize(new { request.Environment, @ref = promotion.Ref, request.SkipParity, request.UseNightlyParity, requester = requester.QualifiedId });
        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "promotion.requested", id, request.Environment, details), CancellationToken.None);
        return promotion;
    }

    /// <summary>A typed ref git would refuse is refused here, before anything is recorded or any path is built from it.</summary>
    private static InvalidRef? InvalidRefIn(PromoteRequest request) =>
        request.Ref is { } typed && GitRefName.Problem(typed) is { } problem ? new InvalidRef(GitRefName.Printable(typed), problem) : null;

    private static PromotionAsk Ask(string promotionId, PromoteRequest request, Caller caller) =>
        new(promotionId, request.Environment, request.Ref, request.SkipParity, request.UseNightlyParity, AcknowledgementText: null, caller.Identity);
}
