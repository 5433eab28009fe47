using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>
/// A run GitHub calls successful makes a succeeded promotion only when every gate and Deploy really ran (issue #13): a
/// gate job missing from the run, or skipped (the Parity Gate without an acknowledged skip), fails the promotion naming
/// the gate, never "every gate passed".
/// </summary>
public sealed class GateCompletenessTrackingTests : IAsyncLifetime
{
    private TrackingBed bed = null!;
    private ChatTestHost chat = null!;

    public async Task InitializeAsync()
    {
        bed = await TrackingBed.StartAsync();
        chat = ChatTestHost.Start(bed.Settings());
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    public static TheoryData<string, bool, PromotionStep, PromotionFailure, string> Shortfalls => new()
    {
        { PromotionJobs.ParityGate, true, PromotionStep.ParityGate, PromotionFailure.GateMissing, "**Parity Gate** did not run (its job is not in the workflow run): the promotion is failed, not succeeded." },
        { PromotionJobs.ParityGate, false, PromotionStep.ParityGate, PromotionFailure.GateSkipped, "**Parity Gate** did not run (skipped without an acknowledged skip): the promotion is failed, not succeeded." },
        { PromotionJobs.CiGate, false, PromotionStep.CiGate, PromotionFailure.GateSkipped, "**CI Gate** did not run (skipped): the promotion is failed, not succeeded." },
        { PromotionJobs.RehearsalGate, false, PromotionStep.RehearsalGate, PromotionFailure.GateSkipped, "**Rehearsal Gate** did not run (skipped): the promotion is failed, not succeeded." },
        { PromotionJobs.Deploy, true, PromotionStep.Deploy, PromotionFailure.GateMissing, "**Deploy** did not run (its job is not in the workflow run): the promotion is failed, not succeeded." },
    };

    [Theory]
    [MemberData(nameof(Shortfalls))]
    public async Task A_successful_run_without_every_gate_fails_the_promotion_naming_the_gate(
        string job, bool omitted, PromotionStep gate, PromotionFailure failure, string expected)
    {
        bed.Control.EnqueueScenario(omitted ? Scenario.OmittingJobs(job) : Scenario.SkippingJobs(job));
        var promotion = await TrackingBed.DispatchAsync(chat);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var outcome = await chat.Channel.WaitForMessageAsync(
            m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains("failed", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains(expected, outcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("every gate passed", outcome.Text, StringComparison.Ordinal);
        Assert.Empty(TrackingBed.TextMessages(chat.Channel, "general", "succeeded:"));

        var stored = (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!;
        Assert.Equal(PromotionState.Failed, stored.State);
        Assert.Equal(failure, stored.Failure);
        Assert.Equal(gate, stored.FailureGate);
        Assert.Equal("success", bed.Control.GetRun(stored.RunId!.Value)!.Conclusion); // GitHub called it a success
        Assert.Null(await chat.Get<PromotionLocks>().GetAsync("staging"));
        Assert.False(Assert.Single(await chat.Get<PromotionStore>().CompletedForCommitAsync(stored.CommitSha)).IsCleanSuccess);
        var card = Assert.IsType<StatusCardBlock>(Assert.Single(TrackingBed.StatusCards(chat.Channel, "general")).Reply.Blocks[0]);
        Assert.Equal($"failed: {gate.DisplayName()} did not run", card.State);
    }

    [Fact]
    public async Task A_parity_gate_skipped_with_an_acknowledged_staging_skip_still_succeeds()
    {
        var promotion = await TrackingBed.DispatchAsync(chat, skipParity: true);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var outcome = await chat.Channel.WaitForMessageAsync(
            m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains("succeeded", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains($"promote staging --skip-parity** ({promotion.Id}", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("succeeded: every other gate passed, Parity Gate was skipped with the acknowledgement, and Deploy finished.", outcome.Text, StringComparison.Ordinal);
        var stored = (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!;
        Assert.Equal(PromotionState.Succeeded, stored.State);
        Assert.Null(stored.Failure);
        Assert.Equal(StepOutcome.Skipped, stored.GateResults.Single(g => g.Step == PromotionStep.ParityGate).Outcome);
    }
}
