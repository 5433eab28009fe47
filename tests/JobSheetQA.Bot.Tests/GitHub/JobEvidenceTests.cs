using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>A failed job's annotations and the end of its log, through Octokit against the sandbox (302 to the log download).</summary>
public sealed class JobEvidenceTests
{
    [Fact]
    public async Task A_failed_parity_jobs_annotations_and_redacted_log_tail_are_read()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.EnqueueScenario(new Scenario
        {
            FailAt = PromotionJobs.ParityGate,
            FailureAnnotations = ["recall 0.8 below 0.85"],
            FailureLog = ["comparing", "token=supersecretvalue1234"],
        });
        var dispatched = await h.Dispatcher.DispatchAsync(new PromotionDispatch("p-logs", "staging", "main", false, false, null));
        var runId = dispatched.Value!.RunId;
        await h.WaitForCompletionAsync(runId);
        var job = (await h.Tracker.ListJobsAsync(runId)).Value!.Single(j => j.Name == PromotionJobs.ParityGate);

        var annotations = await h.Tracker.GetJobAnnotationsAsync(job.Id);
        var log = await h.Tracker.GetJobLogTailAsync(job.Id);

        Assert.True(annotations.Succeeded, annotations.Error?.Message);
        var annotation = Assert.Single(annotations.Value);
        Assert.Equal(("failure", "recall 0.8 below 0.85"), (annotation.Level, annotation.Message));
        Assert.True(log.Succeeded, log.Error?.Message);
        Assert.Equal(["Run Parity below thresholds", "comparing", "token=***", "Error: recall 0.8 below 0.85", "Error: Process completed with exit code 1."],
            log.Value.Lines.TakeLast(5));
    }
}
