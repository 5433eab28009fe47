using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Parity;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>Whole promotions through the gateway and the sandbox, read the way the bot will read them.</summary>
public sealed class SimulatedPromotionTests
{
    private static readonly GateMap Gates = ShippedPolicy.Value.Gates;

    [Fact]
    public async Task A_staging_promotion_completes_with_success_and_five_gates_then_deploy_passed()
    {
        await using var h = await GatewayHarness.StartAsync();

        var dispatched = await h.Dispatcher.DispatchAsync(new PromotionDispatch("p-staging", "staging", "main", false, false, null));
        Assert.True(dispatched.Succeeded, dispatched.Error?.Message);
        var run = await h.WaitForCompletionAsync(dispatched.Value.RunId);
        var gates = await h.Tracker.GetGatesAsync(run.Id, Gates, run.IsCompleted);

        Assert.Equal("completed", run.Status);
        Assert.Equal("success", run.Conclusion);
        Assert.Equal(
            [PromotionStep.ValidateRequest, PromotionStep.CiGate, PromotionStep.PolicyGate, PromotionStep.RehearsalGate, PromotionStep.ParityGate, PromotionStep.Deploy],
            gates.Value.Steps.Where(s => s.Value == StepOutcome.Passed).Select(s => s.Key).Order());
    }

    [Fact]
    public async Task A_parity_failure_leaves_an_artifact_that_evaluates_to_violations_against_the_repository_thresholds()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.EnqueueScenario(Scenario.ParityFails());

        var dispatched = await h.Dispatcher.DispatchAsync(new PromotionDispatch("p-parity", "staging", "main", false, false, null));
        var run = await h.WaitForCompletionAsync(dispatched.Value.RunId);
        var gates = await h.Tracker.GetGatesAsync(run.Id, Gates, run.IsCompleted);
        var report = await h.Tracker.DownloadParityReportAsync(run.Id);
        var thresholds = await h.Facts.GetFileAsync("parity/config/thresholds.json", "main");

        Assert.Equal("failure", run.Conclusion);
        Assert.Equal(PromotionStep.ParityGate, gates.Value.FirstFailed);
        Assert.True(thresholds.Value.Found);
        var evaluation = ParityEvaluator.Evaluate(report.Value.Text, thresholds.Value.Text!);
        Assert.True(evaluation.Succeeded, evaluation.Describe());
        Assert.False(evaluation.Value.WithinThresholds);
        Assert.Contains(evaluation.Value.Messages, m => m.StartsWith("field_match_rate ", StringComparison.Ordinal));
    }
}
