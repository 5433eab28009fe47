using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Verification;

/// <summary>
/// <c>verify staging</c>: asks for the staging verification checklist about the commit deployed to staging, i.e. the
/// latest successful staging promotion. Production's STAGE-FIRST rule reads what <see cref="StagingVerificationFormHandler"/> records.
/// </summary>
public sealed class VerifyStagingHandler(PromotionPolicy policy, PromotionHistory history, StagingVerificationStore verifications)
    : ChatCommandHandler<VerifyCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(VerifyCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var verifiable = VerifiableEnvironments(policy);
        if (!verifiable.Contains(command.Environment, StringComparer.Ordinal))
        {
            return [Reply.Text(
                $"`verify {command.Environment}` is not a thing: verification is recorded for {ChatText.OrList(verifiable.Select(e => $"`{e}`").ToList())}, " +
                "the environment a commit must pass before the next (runbook §3). After production, the bot asks for the read-only posture checklist instead.")];
        }

        var deployed = await history.LatestSucceededAsync(command.Environment, cancellationToken);
        if (deployed is null)
        {
            return [Reply.Text(
                $"Nothing to verify: no promotion to {command.Environment} has succeeded yet. `promote {command.Environment}` first, then `verify {command.Environment}` once all gates pass.")];
        }

        var earlier = await verifications.ForCommitAsync(deployed.CommitSha, cancellationToken);
        return [StagingVerificationForm.Prompt(deployed, earlier.Where(v => v.Environment == command.Environment).ToList())];
    }

    /// <summary>Environments some other environment must be reached through (staging, for production).</summary>
    public static IReadOnlyList<string> VerifiableEnvironments(PromotionPolicy policy) =>
        policy.Environments.Select(e => policy.PredecessorOf(e.Name)).OfType<string>().Distinct().ToList();
}
