using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Tests.Promotions;

/// <summary>What a finished run proves (issue #13): the judged commit was built, and every gate and Deploy really ran.</summary>
public sealed class RunProofTests
{
    private static readonly GateMap Gates = ShippedPolicy.Value.Gates;

    [Theory]
    [InlineData("9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", true)]
    [InlineData("9F2C4E1A7B3D5C6E8F0A1B2C3D4E5F60718293A4", "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", true)]
    [InlineData("9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", "b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d", false)]
    [InlineData("9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", "9f2c4e1", false)] // a prefix is not the commit
    public void The_built_commit_must_be_the_judged_commit(string judged, string built, bool same) =>
        Assert.Equal(same, RunProof.BuiltJudgedCommit(judged, built));

    [Fact]
    public void A_run_whose_every_gate_passed_proves_the_promotion() =>
        Assert.Null(RunProof.FirstShortfall(Map(Jobs()), Gates, paritySkipAcknowledged: false));

    [Fact]
    public void A_missing_gate_job_is_a_shortfall_even_when_the_run_says_success() =>
        Assert.Equal(
            new GateShortfall(PromotionStep.ParityGate, PromotionFailure.GateMissing),
            RunProof.FirstShortfall(Map(Jobs(omit: PromotionStep.ParityGate)), Gates, paritySkipAcknowledged: true));

    [Fact]
    public void A_skipped_parity_gate_without_an_acknowledged_skip_is_a_shortfall() =>
        Assert.Equal(
            new GateShortfall(PromotionStep.ParityGate, PromotionFailure.GateSkipped),
            RunProof.FirstShortfall(Map(Jobs(skip: PromotionStep.ParityGate)), Gates, paritySkipAcknowledged: false));

    [Fact]
    public void A_skipped_parity_gate_with_an_acknowledged_skip_is_accepted() =>
        Assert.Null(RunProof.FirstShortfall(Map(Jobs(skip: PromotionStep.ParityGate)), Gates, paritySkipAcknowledged: true));

    [Theory]
    [InlineData(PromotionStep.ValidateRequest)]
    [InlineData(PromotionStep.CiGate)]
    [InlineData(PromotionStep.PolicyGate)]
    [InlineData(PromotionStep.RehearsalGate)]
    [InlineData(PromotionStep.Deploy)]
    public void Any_other_skipped_step_is_a_shortfall_even_with_a_parity_skip(PromotionStep step) =>
        Assert.Equal(
            new GateShortfall(step, PromotionFailure.GateSkipped),
            RunProof.FirstShortfall(Map(Jobs(skip: step)), Gates, paritySkipAcknowledged: true));

    [Fact]
    public void A_cancelled_gate_in_a_successful_run_did_not_pass() =>
        Assert.Equal(
            new GateShortfall(PromotionStep.RehearsalGate, PromotionFailure.GateNotPassed),
            RunProof.FirstShortfall(Map(Jobs(cancel: PromotionStep.RehearsalGate)), Gates, paritySkipAcknowledged: false));

    private static RunGates Map(IReadOnlyList<WorkflowJobSnapshot> jobs) => GateJobMapper.Map(Gates, jobs, runCompleted: true);

    private static List<WorkflowJobSnapshot> Jobs(PromotionStep? omit = null, PromotionStep? skip = null, PromotionStep? cancel = null) =>
        Enum.GetValues<PromotionStep>()
            .Where(step => step != omit)
            .Select((step, i) => new WorkflowJobSnapshot(
                i + 1, Gates.JobNames[step], "completed",
                step == skip ? "skipped" : step == cancel ? "cancelled" : "success",
                $"https://github.example/jobs/{i + 1}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))
            .ToList();
}
