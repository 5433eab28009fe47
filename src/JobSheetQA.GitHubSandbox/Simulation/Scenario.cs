using System.Text.Json.Serialization;

namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>How one simulated <c>promotion.yml</c> run goes (README "Scenarios"). Every field is optional.</summary>
public sealed record Scenario
{
    /// <summary>A successful run: every gate passes.</summary>
    public static Scenario Success { get; } = new();

    /// <summary>Name of the job that fails (one of <see cref="PromotionJobs.Names"/>); later jobs are skipped.</summary>
    public string? FailAt { get; init; }

    /// <summary>Name of the failing step and text of its annotation; a default per gate when null.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>
    /// The <c>::error::</c> lines the failing step of <see cref="FailAt"/> prints, each a failure annotation of its job;
    /// null: one annotation with <see cref="FailureMessage"/>; empty: none (a step that fails without annotating).
    /// </summary>
    public IReadOnlyList<string>? FailureAnnotations { get; init; }

    /// <summary>Lines the failing step of <see cref="FailAt"/> writes to the job's log before its errors.</summary>
    public IReadOnlyList<string> FailureLog { get; init; } = [];

    /// <summary>The run is cancelled half a tick after this job starts.</summary>
    public string? CancelAt { get; init; }

    /// <summary>Jobs that appear <c>completed/skipped</c> (an <c>if:</c> that evaluated false) while the run goes on and can still succeed.</summary>
    public IReadOnlyList<string> SkipJobs { get; init; } = [];

    /// <summary>Jobs that never appear in the run (a workflow edited to drop them); the run goes on without them.</summary>
    public IReadOnlyList<string> OmitJobs { get; init; } = [];

    /// <summary>The run never leaves <c>queued</c> (a busy concurrency group, no runner).</summary>
    public bool StayQueued { get; init; }

    /// <summary>Deploy waits for an environment review: run and job <c>waiting</c> until approved or rejected.</summary>
    public bool WaitForReview { get; init; }

    /// <summary>Upload <c>promotion-parity-report</c> when the Parity Gate completes.</summary>
    public bool UploadParityReport { get; init; } = true;

    /// <summary>Bytes of <c>latest.json</c> in the artifact; the built-in passing/failing sample when null.</summary>
    [JsonIgnore]
    public byte[]? ParityReport { get; init; }

    /// <summary>Path of the report inside the artifact zip (default <c>latest.json</c>); a folder such as
    /// <c>reports/latest.json</c> simulates an upload whose files do not share the report's folder.</summary>
    public string ParityReportEntry { get; init; } = "latest.json";

    public DispatchResponseMode DispatchResponse { get; init; } = DispatchResponseMode.Auto;

    /// <summary>The named gate fails.</summary>
    public static Scenario FailAtJob(string jobName, string? message = null) =>
        new() { FailAt = jobName, FailureMessage = message };

    /// <summary>The Parity Gate fails and uploads <paramref name="report"/> (or the failing sample) as latest.json.</summary>
    public static Scenario ParityFails(byte[]? report = null) =>
        new() { FailAt = PromotionJobs.ParityGate, ParityReport = report };

    /// <summary>The named jobs are skipped; the run still succeeds.</summary>
    public static Scenario SkippingJobs(params string[] jobNames) => new() { SkipJobs = jobNames };

    /// <summary>The named jobs never appear; the run still succeeds.</summary>
    public static Scenario OmittingJobs(params string[] jobNames) => new() { OmitJobs = jobNames };

    /// <summary>Throws when a job name is not one of the six.</summary>
    public void Validate()
    {
        foreach (var name in new[] { FailAt, CancelAt }.Concat(SkipJobs).Concat(OmitJobs))
        {
            if (name is not null && !PromotionJobs.Names.Contains(name))
            {
                throw new ArgumentException(
                    $"Unknown job '{name}'. Jobs: {string.Join(", ", PromotionJobs.Names)}.");
            }
        }
    }
}
