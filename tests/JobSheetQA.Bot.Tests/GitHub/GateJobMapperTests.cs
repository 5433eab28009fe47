using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class GateJobMapperTests
{
    private static readonly GateMap Gates = ShippedPolicy.Value.Gates;

    private static long ids;

    private static WorkflowJobSnapshot Job(string name, string status, string? conclusion = null) =>
        new(Interlocked.Increment(ref ids), name, status, conclusion, null, null, null);

    [Theory]
    [InlineData("CI Gate", "CI Gate", true)]
    [InlineData("CI Gate (ubuntu-latest, 20)", "CI Gate", true)]
    [InlineData("gates / CI Gate", "CI Gate", true)]
    [InlineData("CI Gate / lint", "CI Gate", true)]
    [InlineData("gates / CI Gate (node 20)", "CI Gate", true)]
    [InlineData("CI Gates", "CI Gate", false)]
    [InlineData("ci gate", "CI Gate", false)]
    [InlineData("Pre CI Gate", "CI Gate", false)]
    public void Job_names_match_exact_matrix_and_reusable_forms(string jobName, string gate, bool expected) =>
        Assert.Equal(expected, GateJobMapper.Matches(jobName, gate));

    [Fact]
    public void Completed_jobs_map_to_their_gates_and_unknown_jobs_are_reported()
    {
        var gates = GateJobMapper.Map(Gates,
        [
            Job("Validate Request", "completed", "success"),
            Job("CI Gate (a)", "completed", "success"),
            Job("CI Gate (b)", "completed", "failure"),
            Job("Policy Gate", "completed", "skipped"),
            Job("Housekeeping", "completed", "success"),
        ], runCompleted: true);

        Assert.Equal(StepOutcome.Passed, gates.Steps[PromotionStep.ValidateRequest]);
        Assert.Equal(StepOutcome.Failed, gates.Steps[PromotionStep.CiGate]);
        Assert.Equal(StepOutcome.Skipped, gates.Steps[PromotionStep.PolicyGate]);
        Assert.Equal(StepOutcome.Skipped, gates.Steps[PromotionStep.Deploy]);
        Assert.Equal(PromotionStep.CiGate, gates.FirstFailed);
        Assert.Equal(["Housekeeping"], gates.UnmappedJobs);
    }

    [Fact]
    public void Gates_without_jobs_are_pending_while_the_run_is_still_going()
    {
        var gates = GateJobMapper.Map(Gates, [Job("Validate Request", "in_progress")], runCompleted: false);

        Assert.Equal(StepOutcome.Running, gates.Steps[PromotionStep.ValidateRequest]);
        Assert.Equal(StepOutcome.Pending, gates.Steps[PromotionStep.ParityGate]);
        Assert.Null(gates.FirstFailed);
    }

    [Theory]
    [InlineData("queued", null, StepOutcome.Pending)]
    [InlineData("waiting", null, StepOutcome.Pending)]
    [InlineData("in_progress", null, StepOutcome.Running)]
    [InlineData("completed", "success", StepOutcome.Passed)]
    [InlineData("completed", "failure", StepOutcome.Failed)]
    [InlineData("completed", "timed_out", StepOutcome.Failed)]
    [InlineData("completed", "cancelled", StepOutcome.Cancelled)]
    [InlineData("completed", "skipped", StepOutcome.Skipped)]
    public void Job_status_and_conclusion_become_a_step_outcome(string status, string? conclusion, StepOutcome expected) =>
        Assert.Equal(expected, GateJobMapper.OutcomeOf(Job("x", status, conclusion)));

    [Fact]
    public void A_matrix_gate_with_one_leg_done_and_one_queued_is_running()
    {
        var gates = GateJobMapper.Map(Gates, [Job("Parity Gate (1)", "completed", "success"), Job("Parity Gate (2)", "queued")], runCompleted: false);

        Assert.Equal(StepOutcome.Running, gates.Steps[PromotionStep.ParityGate]);
    }
}
