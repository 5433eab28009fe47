using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Promotions.Acknowledgements;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// The read-only posture checklist asked of the requester before a production dispatch (runbook §4.2, rule
/// POSTURE-CHECKLIST): items 1–2 shown as read from GitHub, items 3–5 as toggles (an Adaptive Card in Teams, Block Kit
/// in Slack), or typed as three answers. Its form id names the acknowledgement it answers: <c>checklist:&lt;id&gt;</c>.
/// </summary>
public static class PreDispatchChecklistForm
{
    public const string Prefix = "checklist:";
    public const string DatabaseReadOnly = "database";
    public const string NoDestructiveOperations = "destructive";
    public const string MonitoringAlerts = "monitoring";

    /// <summary>Runbook §4.2 items 3–5, by input id, in its order and words.</summary>
    public static readonly IReadOnlyList<(string Id, string Label)> Items =
    [
        (DatabaseReadOnly, "Database connection is read-only (if applicable)"),
        (NoDestructiveOperations, "No destructive operations are scheduled"),
        (MonitoringAlerts, "Monitoring alerts are configured"),
    ];

    public static string FormId(string acknowledgementId) => Prefix + acknowledgementId;

    public static bool TryParse(string formId, out string acknowledgementId)
    {
        acknowledgementId = formId.StartsWith(Prefix, StringComparison.Ordinal) ? formId[Prefix.Length..] : "";
        return acknowledgementId.Length > 0;
    }

    /// <summary>The answers as toggled in <paramref name="form"/> (an untouched toggle is a "no").</summary>
    public static ChecklistAnswers Answers(FormSubmission form) =>
        new(form.IsChecked(DatabaseReadOnly), form.IsChecked(NoDestructiveOperations), form.IsChecked(MonitoringAlerts));

    /// <summary>The question: what the flags are on GitHub (judged by POSTURE-PURGE / POSTURE-SCHED), then the three items.</summary>
    public static Reply Prompt(AwaitingAcknowledgement asked)
    {
        var (promotion, acknowledgement, finding) = (asked.Promotion, asked.Acknowledgement, asked.Finding);
        var minutes = (int)Math.Round(asked.ExpiresAfter.TotalMinutes);
        var text = new TextBlock(
            $"**Read-only posture checklist** before {PromotionText.What(promotion)} at `{PromotionText.Commit(promotion.CommitSha)}` (promotion `{promotion.Id}`).\n"
            + $"ACK  {finding.RuleId} (runbook {finding.RunbookSection}): {finding.Message}\n"
            + "Items 1–2 (`ENABLE_PURGE_EXECUTION`, `ENABLE_SCHEDULER` false or unset) are read from GitHub and judged by POSTURE-PURGE and POSTURE-SCHED. "
            + $"Confirm items 3–5 below, or type three answers in this order, e.g. `yes yes yes`, within {minutes} minutes (any \"no\" refuses the promotion). "
            + $"Only {promotion.RequesterDisplayName} can answer; {promotion.Environment} is held for this promotion until then.");
        var form = new FormBlock(
            FormId(acknowledgement.Id),
            Items.Select(item => new ReplyInput(item.Id, item.Label, ReplyInputKind.Toggle)).ToList(),
            "Confirm checklist");
        var cancel = new ButtonsBlock([new ReplyButton("Cancel", $"cancel {promotion.Id}", ButtonStyle.Danger)]);
        return new Reply([text, form, cancel]);
    }

    /// <summary>The answer was not three yes/no words; the question stays open.</summary>
    public static Reply Unreadable(ChecklistAnswerUnreadable unreadable) => Reply.Text(
        $"I could not read `{unreadable.Typed}` as the posture checklist for promotion `{unreadable.Acknowledgement.PromotionId}`. "
        + $"Type three answers (yes or no) in this order: {ChatText.AndList(Items.Select(i => i.Label.ToLowerInvariant()).ToList())}, e.g. `yes yes yes`, "
        + $"or use the form. The question is open until {ChatText.Utc(unreadable.Acknowledgement.ExpiresAt)}.");
}
