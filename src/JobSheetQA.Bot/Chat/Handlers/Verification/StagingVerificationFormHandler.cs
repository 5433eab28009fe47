using System.Text.Json;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Verification;

/// <summary>
/// Records a submitted staging verification checklist for the commit it was shown for, by the submitter, audited.
/// Only a complete checklist is recorded (STAGE-FIRST needs all three checks); otherwise it says what is missing and records nothing.
/// </summary>
public sealed class StagingVerificationFormHandler(
    PromotionPolicy policy,
    PromotionHistory history,
    StagingVerificationStore verifications,
    AuditLog audit,
    ILogger<StagingVerificationFormHandler> logger) : IChatFormHandler
{
    public bool CanHandle(string formId) => formId.StartsWith(StagingVerificationForm.Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!StagingVerificationForm.TryParse(form.FormId, out var environment, out var commitSha)
            || !VerifyStagingHandler.VerifiableEnvironments(policy).Contains(environment, StringComparer.Ordinal))
        {
            return [Reply.Text("That verification form is not one I wrote. Type `verify staging` for a fresh one. Nothing was recorded.")];
        }

        var commit = ChatText.ShortSha(commitSha);
        if (!await history.HasSucceededAsync(environment, commitSha, cancellationToken))
        {
            return [Reply.Text(
                $"Not recorded: `{commit}` has no successful {environment} promotion, so there is nothing deployed to verify. `verify {environment}` shows what is deployed now.")];
        }

        var missing = StagingVerificationForm.Missing(form);
        var note = form.Value(StagingVerificationForm.Note)?.Trim();
        if (missing.Count > 0 || note is { Length: > StagingVerificationForm.MaxNoteLength })
        {
            var problem = missing.Count > 0
                ? $"Not recorded: all three checks must be ticked (runbook §3.1 step 3). Missing: {ChatText.AndList(missing)}."
                : $"Not recorded: the note is {note!.Length} characters; at most {StagingVerificationForm.MaxNoteLength}.";
            var deployed = await history.LatestSucceededAsync(environment, cancellationToken);
            return deployed is not null && deployed.CommitSha == commitSha
                ? [StagingVerificationForm.Prompt(deployed, [], problem)]
                : [Reply.Text(problem)];
        }

        var verification = new StagingVerification(
            environment, commitSha, turn.Sender.DisplayName, turn.Now,
            ApplicationHealthy: true, SmokeTestsPassed: true, KeyFunctionalityVerified: true,
            Note: string.IsNullOrEmpty(note) ? null : note);
        await verifications.RecordAsync(verification, cancellationToken);
        await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "staging-verification.recorded", Environment: environment,
            Details: JsonSerializer.Serialize(new
            {
                commit = commitSha,
                by = turn.Sender.QualifiedId,
                applicationHealthy = true,
                smokeTestsPassed = true,
                keyFunctionalityVerified = true,
                note = verification.Note,
            })), cancellationToken);
        logger.LogInformation("Staging verification of {CommitSha} on {Environment} recorded by {UserId}", commitSha, environment, turn.Sender.QualifiedId);

        var next = policy.Environments.FirstOrDefault(e => policy.PredecessorOf(e.Name) == environment)?.Name;
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(
                $"Verification recorded for `{commit}` on {environment} by {turn.Sender.DisplayName}: application health ✓, smoke tests ✓, key functionality ✓." +
                (next is null ? "" : $" {next}'s STAGE-FIRST rule reads it for this commit.")),
        };
        if (next is not null)
            blocks.Add(new ButtonsBlock([new ReplyButton($"Check {next}", $"why {next}")]));
        return [new Reply(blocks)];
    }
}
