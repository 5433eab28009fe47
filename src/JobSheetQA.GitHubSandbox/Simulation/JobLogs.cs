using System.Globalization;
using System.Text;

namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>What a simulated job printed: its <c>::error::</c> lines (the check-run annotations) and its plain-text log,
/// in the format GitHub serves (<c>timestamp line</c>, <c>##[group]</c>/<c>##[endgroup]</c>, <c>##[error]</c>).</summary>
internal static class JobLogs
{
    /// <summary>The failing step's error lines: the scenario's own for its <c>failAt</c> job, else the failure message.</summary>
    public static IReadOnlyList<string> Errors(RunSnapshot snapshot, JobSnapshot job)
    {
        if (job.FailureMessage is null)
            return [];
        var scenario = snapshot.Run.Scenario;
        return job.Name == scenario.FailAt && scenario.FailureAnnotations is { } annotations ? annotations : [job.FailureMessage];
    }

    public static byte[] Text(RunSnapshot snapshot, JobSnapshot job)
    {
        var at = (job.CompletedAt ?? job.StartedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var log = new StringBuilder();
        void Line(string text) => log.Append(at).Append(' ').Append(text).Append('\n');

        Line("##[group]Runner Image");
        Line("Image: ubuntu-24.04");
        Line("##[endgroup]");
        foreach (var step in job.Steps.Where(s => s.Number > 1 && s.Name != "Complete job"))
        {
            Line($"##[group]Run {step.Name}");
            Line("##[endgroup]");
            if (job.FailureMessage is not null && job.Name == snapshot.Run.Scenario.FailAt)
            {
                foreach (var output in snapshot.Run.Scenario.FailureLog)
                    Line(output);
            }

            foreach (var error in Errors(snapshot, job))
                Line("##[error]" + error);
            if (job.FailureMessage is not null)
                Line("##[error]Process completed with exit code 1.");
        }

        Line("Post job cleanup.");
        Line("Cleaning up orphan processes");
        return Encoding.UTF8.GetBytes(log.ToString());
    }
}
