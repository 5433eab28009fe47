using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Support;

/// <summary>Finished promotions written straight to storage: the promote flow is another module's, these tests start after it.</summary>
public static class PromotionSeeds
{
    public static async Task<PromotionEntity> AddAsync(
        ChatTestHost chat, string id, string environment, PromotionState state, string commitSha = SandboxRemote.DefaultHeadSha,
        StepOutcome? failParity = null, DateTimeOffset? at = null, string requester = "dana")
    {
        var when = at ?? DateTimeOffset.UtcNow.AddMinutes(-30);
        var promotion = new PromotionEntity
        {
            Id = id,
            Environment = environment,
            Ref = "main",
            CommitSha = commitSha,
            RequesterChannel = TestChannel.Name,
            RequesterUserId = requester,
            RequesterDisplayName = ChatTestHost.User(requester).DisplayName,
            RequesterEmail = ChatTestHost.User(requester).Email,
            State = state,
            CorrelationId = "corr-" + id,
            RunId = 4242,
            RunUrl = $"https://github.example/contoso/job-sheet-qa-auditor/actions/runs/{id}",
            CreatedAt = when,
            UpdatedAt = when.AddMinutes(5),
            CompletedAt = PromotionStore.RunFinishedStates.Contains(state) ? when.AddMinutes(5) : null,
        };
        foreach (var step in Enum.GetValues<PromotionStep>())
        {
            var outcome = state == PromotionState.Succeeded ? StepOutcome.Passed
                : step < PromotionStep.ParityGate ? StepOutcome.Passed
                : step == PromotionStep.ParityGate ? failParity ?? StepOutcome.Failed
                : StepOutcome.Skipped;
            promotion.GateResults.Add(new GateResultEntity { PromotionId = id, Step = step, Outcome = outcome });
        }

        await chat.Get<PromotionStore>().AddAsync(promotion);
        return promotion;
    }
}
