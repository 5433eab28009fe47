using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.GitHub;

/// <summary>Maps workflow jobs to the runbook's gates (§2.3) through policy.yaml's <c>gates:</c> job names.</summary>
public static class GateJobMapper
{
    /// <summary>True when a job shown as <paramref name="jobName"/> belongs to the gate whose job is <paramref name="gateJobName"/>.
    /// GitHub shows a matrix job as <c>Name (a, b)</c> and a reusable workflow's job as <c>caller / callee</c>
    /// (either side may be the gate's name), and truncates very long names (actions/runner#3489).</summary>
    public static bool Matches(string jobName, string gateJobName)
    {
        if (string.Equals(jobName, gateJobName, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var segment in jobName.Split(" / ", StringSplitOptions.TrimEntries))
        {
            if (string.Equals(StripMatrix(segment), gateJobName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outcome of every step. Several jobs for one gate (matrix legs, reusable callees) combine:
    /// any failure fails the gate, then cancellation, then still running or pending; all skipped is skipped.</summary>
    public static RunGates Map(GateMap gates, IReadOnlyList<WorkflowJobSnapshot> jobs, bool runCompleted)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(jobs);

        var steps = new Dictionary<PromotionStep, StepOutcome>();
        var mapped = new HashSet<long>();
        foreach (var step in Enum.GetValues<PromotionStep>())
        {
            if (!gates.JobNames.TryGetValue(step, out var gateJobName))
            {
                continue;
            }

            var outcomes = new List<StepOutcome>();
            foreach (var job in jobs.Where(j => Matches(j.Name, gateJobName)))
            {
                mapped.Add(job.Id);
                outcomes.Add(OutcomeOf(job));
            }

            steps[step] = Combine(outcomes, runCompleted);
        }

        var unmapped = jobs.Where(j => !mapped.Contains(j.Id)).Select(j => j.Name).ToList();
        return new RunGates(steps, jobs, unmapped);
    }

    /// <summary>One job's outcome from its status and conclusion.</summary>
    public static StepOutcome OutcomeOf(WorkflowJobSnapshot job) => job.Status switch
    {
        "completed" => job.Conclusion switch
        {
            "success" => StepOutcome.Passed,
            "skipped" or "neutral" => StepOutcome.Skipped,
            "cancelled" or "stale" => StepOutcome.Cancelled,
            // failure, timed_out, startup_failure, action_required: the gate did not pass.
            _ => StepOutcome.Failed,
        },
        "in_progress" => StepOutcome.Running,
        _ => StepOutcome.Pending,
    };

    private static StepOutcome Combine(List<StepOutcome> outcomes, bool runCompleted)
    {
        if (outcomes.Count == 0)
        {
            // A gate job that never appeared in a finished run was not run (e.g. an earlier gate failed).
            return runCompleted ? StepOutcome.Skipped : StepOutcome.Pending;
        }

        if (outcomes.Contains(StepOutcome.Failed))
        {
            return StepOutcome.Failed;
        }

        if (outcomes.Contains(StepOutcome.Cancelled))
        {
            return StepOutcome.Cancelled;
        }

        if (outcomes.Contains(StepOutcome.Running))
        {
            return StepOutcome.Running;
        }

        if (outcomes.Contains(StepOutcome.Pending))
        {
            return outcomes.Contains(StepOutcome.Passed) ? StepOutcome.Running : StepOutcome.Pending;
        }

        return outcomes.All(o => o == StepOutcome.Skipped) ? StepOutcome.Skipped : StepOutcome.Passed;
    }

    private static string StripMatrix(string name)
    {
        // "Parity Gate (ubuntu, 20)" → "Parity Gate"; only a trailing parenthesised group is a matrix suffix.
        if (!name.EndsWith(')'))
        {
            return name;
        }

        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 ? name[..open] : name;
    }
}
