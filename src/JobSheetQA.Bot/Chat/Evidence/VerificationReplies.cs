using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence;

namespace JobSheetQA.Bot.Chat.Evidence;

/// <summary>What the bot answers for each <see cref="VerificationOutcome"/> of <c>verify staging</c> and its checklist.</summary>
public static class VerificationReplies
{
    public static Reply For(VerificationOutcome outcome) => outcome switch
    {
        NotVerifiable o => Reply.Text(
            $"`verify {o.Environment}` is not a thing: verification is recorded for {ChatText.OrList(o.Verifiable.Select(e => $"`{e}`").ToList())}, " +
            "the environment a commit must pass before the next (runbook §3). After production, the bot asks for the read-only posture checklist instead."),
        NothingDeployed o => Reply.Text(
            $"Nothing to verify: no promotion to {o.Environment} has succeeded yet. `promote {o.Environment}` first, then `verify {o.Environment}` once all gates pass."),
        VerificationWanted o => StagingVerificationForm.Prompt(o.Deployed, o.Earlier, o.Problem is null ? null : Problem(o.Problem)),
        VerificationNotAuthorized o => Reply.Text(AuthorizationText.Refusal(o.Refusal)),
        UnknownVerification => Reply.Text("That verification form is not one I wrote. Type `verify staging` for a fresh one. Nothing was recorded."),
        CommitNotDeployed o => Reply.Text(
            $"Not recorded: `{ChatText.ShortSha(o.CommitSha)}` has no successful {o.Environment} promotion, so there is nothing deployed to verify. `verify {o.Environment}` shows what is deployed now."),
        VerificationIncomplete or VerificationNoteTooLong => Reply.Text(Problem(outcome)),
        VerificationRecorded o => Recorded(o),
        _ => throw new NotSupportedException($"No reply for {outcome.GetType().Name}."),
    };

    private static string Problem(VerificationOutcome problem) => problem switch
    {
        VerificationIncomplete o => $"Not recorded: all three checks must be ticked (runbook §3.1 step 3). Missing: {ChatText.AndList(o.Missing.Select(StagingVerificationForm.Name).ToList())}.",
        VerificationNoteTooLong o => $"Not recorded: the note is {o.Length} characters; at most {StagingChecks.MaxNoteLength}.",
        _ => throw new NotSupportedException($"{problem.GetType().Name} is not a problem with a checklist."),
    };

    private static Reply Recorded(VerificationRecorded recorded)
    {
        var (verification, next) = (recorded.Verification, recorded.Next);
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(
                $"Verification recorded for `{ChatText.ShortSha(verification.CommitSha)}` on {verification.Environment} by {verification.VerifiedBy}: application health ✓, smoke tests ✓, key functionality ✓." +
                (next is null ? "" : $" {next}'s STAGE-FIRST rule reads it for this commit.")),
        };
        if (next is not null)
            blocks.Add(new ButtonsBlock([new ReplyButton($"Check {next}", $"why {next}")]));
        return new Reply(blocks);
    }
}
