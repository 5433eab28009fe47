using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Workflow;

public sealed class WorkflowGatesRuleTests
{
    [Fact]
    public void A_workflow_with_every_gate_job_and_the_deploy_job_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(WorkflowGatesRule.Id));
    }

    [Fact]
    public void A_missing_Parity_Gate_job_is_denied_naming_it_and_the_jobs_there_are()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithWorkflow(a => a with
        {
            Jobs = [.. TestFacts.GateJobs.Where(job => job.Name != "Parity Gate")],
        }));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(WorkflowGatesRule.Id);
        Assert.Equal(
            ".github/workflows/promotion.yml on main defines no job named \"Parity Gate\" (gates.parity_gate); runbook §2.3 needs every gate " +
            "and the deploy job; its jobs (lines 30-160): Validate Request (line 30), CI Gate (line 57), Policy Gate (line 77), " +
            "Rehearsal Gate (line 97), Deploy (line 142)",
            finding.Message);
        Assert.Equal("Parity Gate", finding.Fact("missing_jobs"));
    }

    [Fact]
    public void Every_missing_job_is_named_in_one_finding()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithWorkflow(a => a with
        {
            Jobs = [.. TestFacts.GateJobs.Where(job => job.Name is not ("CI Gate" or "Deploy"))],
        }));

        var finding = decision.Single(WorkflowGatesRule.Id);
        Assert.Contains("defines no job named \"CI Gate\" (gates.ci_gate) or \"Deploy\" (gates.deploy);", finding.Message);
        Assert.Equal("CI Gate, Deploy", finding.Fact("missing_jobs"));
    }

    [Fact]
    public void A_job_renamed_is_missing_under_its_policy_name()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithWorkflow(a => a with
        {
            Jobs = [.. TestFacts.GateJobs.Select(job => job.Name == "Rehearsal Gate" ? job with { Name = "Dry Run" } : job)],
        }));

        var finding = decision.Single(WorkflowGatesRule.Id);
        Assert.Contains("no job named \"Rehearsal Gate\" (gates.rehearsal_gate)", finding.Message);
        Assert.Contains("Dry Run (line 97)", finding.Message);
    }

    [Fact]
    public void Job_names_match_exactly_and_a_near_miss_is_pointed_at()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithWorkflow(a => a with
        {
            Jobs = [.. TestFacts.GateJobs.Select(job => job.Name == "Parity Gate" ? job with { Name = "parity  gate" } : job)],
        }));

        var finding = decision.Single(WorkflowGatesRule.Id);
        Assert.Contains("\"Parity Gate\" (gates.parity_gate; the job at line 112 is named \"parity  gate\", and names must match exactly)", finding.Message);
    }

    [Fact]
    public void A_job_without_a_name_goes_by_its_id_as_GitHub_shows_it()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithWorkflow(a => a with
        {
            Jobs = [.. TestFacts.GateJobs.Select(job => job.Name == "Deploy" ? job with { Id = "Deploy", Name = null } : job)],
        }));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(WorkflowGatesRule.Id));
    }

    [Fact]
    public void The_job_names_come_from_the_policy()
    {
        var policy = TestFacts.Policy with
        {
            Gates = new(TestFacts.Policy.Gates.JobNames.ToDictionary(g => g.Key, g => g.Value == "Deploy" ? "Release" : g.Value)),
        };

        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { Policy = policy });

        Assert.Contains("no job named \"Release\" (gates.deploy)", decision.Single(WorkflowGatesRule.Id).Message);
    }

    [Fact]
    public void A_workflow_with_no_jobs_is_denied_naming_all_six()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithWorkflow(a => a with { Jobs = [] }));

        var finding = decision.Single(WorkflowGatesRule.Id);
        Assert.EndsWith("; it defines no jobs at all", finding.Message);
        Assert.Equal("Validate Request, CI Gate, Policy Gate, Rehearsal Gate, Parity Gate, Deploy", finding.Fact("missing_jobs"));
    }

    [Fact]
    public void A_workflow_that_cannot_be_read_is_denied_fail_closed()
    {
        var analysis = WorkflowAnalyzer.Analyze("on: workflow_dispatch\njobs:\n  parity: [\n    name: Parity Gate\n");

        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithWorkflow(_ => analysis));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(WorkflowGatesRule.Id);
        Assert.StartsWith(".github/workflows/promotion.yml on main could not be read as a workflow, so none of the gate jobs", finding.Message);
        Assert.Contains("not valid YAML", finding.Message);
        Assert.Contains(WorkflowInputsRule.Id, decision.RuleIds());
    }

    [Fact]
    public void An_analysis_that_lists_no_jobs_at_all_counts_as_unreadable()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithWorkflow(a => a with { Jobs = null }));

        Assert.Contains("could not be read as a workflow", decision.Single(WorkflowGatesRule.Id).Message);
    }

    [Fact]
    public void A_missing_workflow_file_is_left_to_WORKFLOW_INPUTS()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithoutWorkflowFile());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(WorkflowGatesRule.Id));
        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(WorkflowInputsRule.Id));
    }
}
