using System.Text;
using System.Text.Json;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Posture;

/// <summary>
/// Records the posture checklist answered for a successful production promotion (once per promotion, audited), and
/// cross-checks the two flag items against what GitHub says now, so a tick that contradicts the environment is called out.
/// </summary>
public sealed class PostureChecklistFormHandler(
    PromotionPolicy policy,
    PromotionStore promotions,
    PostureChecklistStore checklists,
    IRepositoryFacts github,
    AuditLog audit) : IChatFormHandler
{
    public bool CanHandle(string formId) => formId.StartsWith(PostureChecklist.Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!PostureChecklist.TryParse(form.FormId, out var promotionId) || await promotions.FindAsync(promotionId, cancellationToken) is not { } promotion)
            return [Reply.Text("That posture checklist is for a promotion I do not know. Nothing was recorded.")];

        if (!policy.HasReadOnlyPosture(promotion.Environment) || promotion.State != PromotionState.Succeeded)
        {
            return [Reply.Text(
                $"Not recorded: the posture checklist is for a successful promotion to a read-only environment, and `{promotion.Id}` is a {promotion.Environment} promotion that is {PromotionText.State(promotion.State)}.")];
        }

        var note = form.Value(PostureChecklist.Note)?.Trim();
        if (note is { Length: > PostureChecklist.MaxNoteLength })
            return [Reply.Text($"Not recorded: the note is {note.Length} characters; at most {PostureChecklist.MaxNoteLength}.")];

        var recording = await checklists.RecordAsync(PostureChecklist.Answers(form, promotion, turn, note), cancellationToken);
        var stored = recording.Checklist;
        if (!recording.Recorded)
        {
            return [Reply.Text(
                $"The posture checklist for `{promotion.Id}` was already recorded by {stored.RecordedBy} at {ChatText.Utc(stored.RecordedAt)}; those answers stand. Nothing was changed.")];
        }

        var ticks = PostureChecklist.Ticks(stored);
        await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "posture-checklist.recorded", promotion.Id, promotion.Environment,
            JsonSerializer.Serialize(new
            {
                commit = promotion.CommitSha,
                by = turn.Sender.QualifiedId,
                items = ticks.ToDictionary(t => t.Id, t => t.Ticked),
                note = stored.Note,
            })), cancellationToken);

        var text = new StringBuilder($"Posture checklist recorded for `{promotion.Id}` ({promotion.Environment}, `{ChatText.ShortSha(promotion.CommitSha)}`) by {turn.Sender.DisplayName}:\n");
        foreach (var (_, label, ticked) in ticks)
            text.AppendLine($"- {(ticked ? "✓" : "✗")} {label}");

        var unticked = ticks.Where(t => !t.Ticked).Select(t => t.Label).ToList();
        if (unticked.Count > 0)
            text.AppendLine($"Follow up: {unticked.Count} item(s) not confirmed; the runbook expects all of them before the next production deployment.");

        var flags = await github.GetEnvironmentVariablesAsync(promotion.Environment, PostureChecklist.FlagOfItem.Values.ToList(), cancellationToken);
        if (!flags.Succeeded)
        {
            text.AppendLine($"I could not cross-check the flags: {GitHubProblem.Describe(flags.Error)}. `posture {promotion.Environment}` shows them.");
        }
        else
        {
            foreach (var (id, flagName) in PostureChecklist.FlagOfItem)
            {
                var flag = flags.Value.FirstOrDefault(f => f.Name == flagName);
                if (flag is { IsEnabled: true } && ticks.Single(t => t.Id == id).Ticked)
                    text.AppendLine($"⚠ GitHub says `{flagName}` = `{flag.DisplayValue}` on {promotion.Environment}, although it was ticked as false or unset.");
            }
        }

        return [Reply.Text(text.ToString().TrimEnd())];
    }
}
