using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Workflow;

/// <summary>
/// Runbook §2.3: a promotion passes five gates, then deploys. The workflow must define each of those jobs under the
/// name policy.yaml's <c>gates</c> gives it, or the run would skip a gate the bot believes in and tracking would never
/// see it. A workflow that cannot be read has no known jobs, so it is refused too.
/// </summary>
[Name(Id), Description("promotion.yml defines the five gate jobs and the deploy job named in policy.yaml gates")]
[Tag(RuleSets.Workflow), RunbookSection("§2.3"), Outcomes(FindingOutcome.Deny)]
public sealed class WorkflowGatesRule : Rule
{
    public const string Id = "WORKFLOW-GATES";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        WorkflowFile workflow = default!;

        // A file that is not there is WORKFLOW-INPUTS' refusal alone.
        When()
            .Match(() => policy)
            .Match(() => workflow, w => w.Found && MissingSteps(w.Analysis!, policy.Gates).Count > 0);

        Then()
            .Do(ctx => ctx.Insert(Refusal(workflow, policy.Gates)));
    }

    /// <summary>The steps whose job the workflow does not define (all of them when its jobs are unknown).</summary>
    internal static IReadOnlyList<PromotionStep> MissingSteps(WorkflowAnalysis analysis, GateMap gates) =>
        Enum.GetValues<PromotionStep>()
            .Where(step => analysis.Jobs is not { } jobs
                || !jobs.Any(job => string.Equals(job.DisplayName, JobName(gates, step), StringComparison.Ordinal)))
            .ToList();

    private static string JobName(GateMap gates, PromotionStep step) =>
        gates.JobNames.TryGetValue(step, out var name) ? name : step.DisplayName();

    private static Finding Refusal(WorkflowFile workflow, GateMap gates)
    {
        var analysis = workflow.Analysis!;
        var missing = MissingSteps(analysis, gates);
        var missingNames = string.Join(", ", missing.Select(step => JobName(gates, step)));

        if (analysis.Jobs is not { } jobs)
        {
            var why = analysis.InputProblems.Count > 0 ? analysis.InputProblems[0] : "it is not a workflow";
            return RuleFinding.Of<WorkflowGatesRule>(
                FindingOutcome.Deny,
                $"{workflow.Path} on {workflow.Ref} could not be read as a workflow, so none of the gate jobs of policy.yaml gates " +
                $"({missingNames}) can be found in it: {why}",
                ("workflow", workflow.Path),
                ("ref", workflow.Ref),
                ("missing_jobs", missingNames));
        }

        var named = RuleText.OrList(missing.Select(step => $"\"{JobName(gates, step)}\" ({GateMap.KeyOf(step)}{NearMiss(jobs, JobName(gates, step))})").ToList());
        var defined = jobs.Count == 0
            ? "it defines no jobs at all"
            : $"its jobs (lines {jobs[0].Line}-{jobs.Max(job => job.LastLine)}): {string.Join(", ", jobs.Select(job => $"{job.DisplayName} (line {job.Line})"))}";

        return RuleFinding.Of<WorkflowGatesRule>(
            FindingOutcome.Deny,
            $"{workflow.Path} on {workflow.Ref} defines no job named {named}; runbook §2.3 needs every gate and the deploy job; {defined}",
            ("workflow", workflow.Path),
            ("ref", workflow.Ref),
            ("missing_jobs", missingNames),
            ("jobs", string.Join(", ", jobs.Select(job => $"{job.DisplayName} (line {job.Line})"))));
    }

    /// <summary>A job named like the gate but for case or spacing: the likely typo, pointed at (job names are exact).</summary>
    private static string NearMiss(IReadOnlyList<WorkflowJob> jobs, string gateJobName)
    {
        var near = jobs.FirstOrDefault(job => string.Equals(
            string.Join(' ', job.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', gateJobName.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.OrdinalIgnoreCase));
        return near is null ? "" : $"; the job at line {near.Line} is named \"{near.DisplayName}\", and names must match exactly";
    }
}
