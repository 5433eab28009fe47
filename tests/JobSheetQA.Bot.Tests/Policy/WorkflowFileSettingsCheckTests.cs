using JobSheetQA.Bot.Policy;

namespace JobSheetQA.Bot.Tests.Policy;

/// <summary>GitHub:Workflow (dispatched) and policy.yaml's workflow (checked) must name one file (issue #13).</summary>
public sealed class WorkflowFileSettingsCheckTests
{
    private const string PolicyFile = "/app/policy.yaml";

    [Theory]
    [InlineData("promotion.yml", ".github/workflows/promotion.yml")]
    [InlineData("promotion.yml", "promotion.yml")]
    [InlineData("promotion.yml", "./.github/workflows/promotion.yml")]
    [InlineData("promotion.yml", "/.github/workflows/promotion.yml")]
    [InlineData("promotion.yml", ".github\\workflows\\promotion.yml")]
    [InlineData(" deploy.yaml ", " .github/workflows/deploy.yaml ")]
    public void The_file_name_and_the_workflow_path_of_one_file_agree(string setting, string policyWorkflow)
    {
        Assert.Null(WorkflowFileSettingsCheck.Mismatch(setting, policyWorkflow, PolicyFile));
    }

    [Fact]
    public void Different_file_names_say_which_file_is_dispatched_and_which_checked_and_what_to_set()
    {
        var problem = WorkflowFileSettingsCheck.Mismatch("deploy.yml", ".github/workflows/promotion.yml", PolicyFile);

        Assert.Equal(
            "GitHub:Workflow 'deploy.yml' and policy.yaml's workflow '.github/workflows/promotion.yml' (/app/policy.yaml) name different " +
            "files: the bot would dispatch .github/workflows/deploy.yml but check .github/workflows/promotion.yml before dispatch. " +
            "Set GitHub:Workflow (environment variable GitHub__Workflow) to promotion.yml, or workflow in /app/policy.yaml to " +
            ".github/workflows/deploy.yml, whichever is the promotion workflow.",
            problem);
    }

    [Fact]
    public void File_names_are_case_sensitive_as_on_GitHub()
    {
        var problem = WorkflowFileSettingsCheck.Mismatch("Promotion.yml", ".github/workflows/promotion.yml", PolicyFile);

        Assert.Contains("name different files (file names are case-sensitive)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ci/promotion.yml")]
    [InlineData(".github/workflows/old/promotion.yml")]
    [InlineData(".github/promotion.yml")]
    [InlineData(".github/workflows/")]
    public void A_policy_workflow_outside_github_workflows_is_not_the_file_GitHub_runs(string policyWorkflow)
    {
        var problem = WorkflowFileSettingsCheck.Mismatch("promotion.yml", policyWorkflow, PolicyFile);

        Assert.NotNull(problem);
        Assert.Contains("GitHub runs workflows only from .github/workflows/", problem, StringComparison.Ordinal);
        Assert.EndsWith("Set workflow in /app/policy.yaml to .github/workflows/promotion.yml.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_id_cannot_be_compared_and_is_refused()
    {
        var problem = WorkflowFileSettingsCheck.Mismatch("161335", ".github/workflows/promotion.yml", PolicyFile);

        Assert.NotNull(problem);
        Assert.Contains("GitHub:Workflow is a workflow id, not a file name", problem, StringComparison.Ordinal);
        Assert.EndsWith("Set GitHub:Workflow (environment variable GitHub__Workflow) to promotion.yml.", problem, StringComparison.Ordinal);
    }
}
