using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Posture;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Chat.Posture;

/// <summary>
/// The read-only posture checklist of runbook §4.2 as a form, asked after a production promotion succeeds (§3.2 step 4
/// "Verify read-only posture"): the promotion reporter posts <see cref="Prompt"/>, the posture module records the answers.
/// </summary>
public static class PostureChecklistForm
{
    public const string Prefix = "posture-checklist:";
    public const string PurgeExecution = "purge";
    public const string Scheduler = "scheduler";
    public const string DatabaseReadOnly = "database";
    public const string NoDestructiveOperations = "destructive";
    public const string MonitoringAlerts = "monitoring";
    public const string Note = "note";

    /// <summary>The five items of runbook §4.2, by input id, in its order and words.</summary>
    public static readonly IReadOnlyList<(string Id, string Label)> Items =
    [
        (PurgeExecution, "`ENABLE_PURGE_EXECUTION` is `false` or unset"),
        (Scheduler, "`ENABLE_SCHEDULER` is `false` or unset"),
        (DatabaseReadOnly, "Database connection is read-only (if applicable)"),
        (NoDestructiveOperations, "No destructive operations are scheduled"),
        (MonitoringAlerts, "Monitoring alerts are configured"),
    ];

    public static string FormId(string promotionId) => Prefix + promotionId;

    public static bool TryParse(string formId, out string promotionId)
    {
        promotionId = formId.StartsWith(Prefix, StringComparison.Ordinal) ? formId[Prefix.Length..] : "";
        return promotionId.Length > 0;
    }

    /// <summary>The checklist question for a production promotion that just succeeded; post it once, keyed by <see cref="IdempotencyKey"/>.</summary>
    public static Reply Prompt(PromotionEntity promotion)
    {
        var inputs = Items.Select(item => new ReplyInput(item.Id, item.Label, ReplyInputKind.Toggle)).ToList();
        inputs.Add(new ReplyInput(Note, "Note (optional)", ReplyInputKind.Text, "e.g. DB user is read-only; alerts in PagerDuty"));
        return new Reply(
        [
            new TextBlock(
                $"**{promotion.Environment} promotion `{promotion.Id}` succeeded** (`{ChatText.ShortSha(promotion.CommitSha)}`). " +
                "Runbook §3.2 step 4: verify the read-only posture. Tick what you confirmed (runbook §4.2); the answers are kept as evidence."),
            new FormBlock(FormId(promotion.Id), inputs, "Record posture checklist"),
        ]);
    }

    /// <summary>The idempotency key of the prompt's post: it is posted once per promotion, whatever retries.</summary>
    public static string IdempotencyKey(string promotionId) => $"posture-checklist:{promotionId}";

    /// <summary>The outbound post kind recorded with it.</summary>
    public const string PostKind = "posture-checklist";

    /// <summary>The answers as ticked in <paramref name="form"/>, with its note trimmed.</summary>
    public static PostureChecklistAnswers Answers(FormSubmission form) => new(
        form.IsChecked(PurgeExecution),
        form.IsChecked(Scheduler),
        form.IsChecked(DatabaseReadOnly),
        form.IsChecked(NoDestructiveOperations),
        form.IsChecked(MonitoringAlerts),
        form.Value(Note)?.Trim());

    /// <summary>"5/5 confirmed", or which items were not.</summary>
    public static string Summary(PostureChecklistEntity checklist)
    {
        var ticks = Ticks(checklist);
        var missing = ticks.Where(t => !t.Ticked).Select(t => t.Label).ToList();
        return missing.Count == 0 ? $"{ticks.Count}/{ticks.Count} confirmed" : $"not confirmed: {ChatText.AndList(missing)}";
    }

    /// <summary>Each item with whether it was ticked, from a stored checklist.</summary>
    public static IReadOnlyList<(string Id, string Label, bool Ticked)> Ticks(PostureChecklistEntity checklist) =>
    [
        (PurgeExecution, Items[0].Label, checklist.PurgeExecutionDisabled),
        (Scheduler, Items[1].Label, checklist.SchedulerDisabled),
        (DatabaseReadOnly, Items[2].Label, checklist.DatabaseReadOnly),
        (NoDestructiveOperations, Items[3].Label, checklist.NoDestructiveOperationsScheduled),
        (MonitoringAlerts, Items[4].Label, checklist.MonitoringAlertsConfigured),
    ];
}
