using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Posture;

/// <summary>
/// Records the posture checklist answered for a successful production promotion (runbook §3.2 step 4, §4.2): once per
/// promotion, audited, and with the two flag items cross-checked against what GitHub says now, so a tick that
/// contradicts the environment is called out. Only those policy.yaml lets answer it (<c>authorization.posture_checklist</c>,
/// else the environment's requesters) may.
/// </summary>
public sealed class PostureChecklistRecorder(
    ActionAuthorizer authorizer,
    PromotionPolicy policy,
    PromotionStore promotions,
    PostureChecklistStore checklists,
    IRepositoryFacts github,
    AuditLog audit)
{
    public async Task<PostureChecklistOutcome> RecordAsync(string promotionId, PostureChecklistAnswers answers, Caller caller, CancellationToken cancellationToken)
    {
        if (await promotions.FindAsync(promotionId, cancellationToken) is not { } promotion)
            return new ChecklistForUnknownPromotion();
        if (!policy.HasReadOnlyPosture(promotion.Environment) || promotion.State != PromotionState.Succeeded)
            return new ChecklistNotApplicable(promotion);
        if (await authorizer.CheckAsync(PolicyAction.PostureChecklist, promotion.Environment, caller.Identity, caller.At, cancellationToken) is { } refusal)
            return new ChecklistNotAuthorized(promotion, refusal);
        if (answers.Note is { Length: > PostureChecklistAnswers.MaxNoteLength } note)
            return new ChecklistNoteTooLong(note.Length);

        var recording = await checklists.RecordAsync(Entity(promotion, answers, caller), cancellationToken);
        var stored = recording.Checklist;
        if (!recording.Recorded)
            return new ChecklistAlreadyRecorded(promotion, stored);

        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "posture-checklist.recorded", promotion.Id, promotion.Environment,
            JsonSerializer.Serialize(new
            {
                commit = promotion.CommitSha,
                by = caller.Identity.QualifiedId,
                items = AuditDetails.ChecklistItems(stored),
                note = stored.Note,
            })), cancellationToken);

        var ticked = new Dictionary<string, bool>
        {
            [PostureChecklistAnswers.PurgeExecutionFlag] = stored.PurgeExecutionDisabled,
            [PostureChecklistAnswers.SchedulerFlag] = stored.SchedulerDisabled,
        };
        var flags = await github.GetEnvironmentVariablesAsync(promotion.Environment, ticked.Keys.ToList(), cancellationToken);
        if (!flags.Succeeded)
            return new ChecklistRecorded(promotion, stored, [], flags.Error);

        var contradicted = ticked.Where(item => item.Value)
            .Select(item => flags.Value.FirstOrDefault(f => f.Name == item.Key))
            .OfType<PostureFlag>()
            .Where(f => f.IsEnabled)
            .ToList();
        return new ChecklistRecorded(promotion, stored, contradicted, FlagsUnreadable: null);
    }

    private static PostureChecklistEntity Entity(PromotionEntity promotion, PostureChecklistAnswers answers, Caller caller) => new()
    {
        PromotionId = promotion.Id,
        Environment = promotion.Environment,
        CommitSha = promotion.CommitSha,
        RecordedBy = caller.Identity.DisplayName,
        RecordedById = caller.Identity.QualifiedId,
        RecordedAt = caller.At,
        PurgeExecutionDisabled = answers.PurgeExecutionDisabled,
        SchedulerDisabled = answers.SchedulerDisabled,
        DatabaseReadOnly = answers.DatabaseReadOnly,
        NoDestructiveOperationsScheduled = answers.NoDestructiveOperationsScheduled,
        MonitoringAlertsConfigured = answers.MonitoringAlertsConfigured,
        Note = string.IsNullOrEmpty(answers.Note) ? null : answers.Note,
    };
}
