using System.Text;
using System.Text.Json;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>A scenario as the control API receives it: <c>parityReport</c> may be any JSON, plus how many runs it is for.</summary>
internal sealed record ScenarioRequest
{
    public string? FailAt { get; init; }
    public string? FailureMessage { get; init; }
    public IReadOnlyList<string>? FailureAnnotations { get; init; }
    public IReadOnlyList<string>? FailureLog { get; init; }
    public string? CancelAt { get; init; }
    public IReadOnlyList<string>? SkipJobs { get; init; }
    public IReadOnlyList<string>? OmitJobs { get; init; }
    public bool StayQueued { get; init; }
    public bool WaitForReview { get; init; }
    public bool UploadParityReport { get; init; } = true;

    /// <summary>Written as latest.json: a JSON string is taken as the file text, anything else as its JSON text.</summary>
    public JsonElement? ParityReport { get; init; }

    public string? ParityReportBase64 { get; init; }
    public string ParityReportEntry { get; init; } = "latest.json";
    public DispatchResponseMode DispatchResponse { get; init; }
    public int Runs { get; init; } = 1;

    public Scenario ToScenario() => new()
    {
        FailAt = FailAt,
        FailureMessage = FailureMessage,
        FailureAnnotations = FailureAnnotations,
        FailureLog = FailureLog ?? [],
        CancelAt = CancelAt,
        SkipJobs = SkipJobs ?? [],
        OmitJobs = OmitJobs ?? [],
        StayQueued = StayQueued,
        WaitForReview = WaitForReview,
        UploadParityReport = UploadParityReport,
        DispatchResponse = DispatchResponse,
        ParityReportEntry = ParityReportEntry,
        ParityReport = ParityReportBase64 is { Length: > 0 } b64
            ? Convert.FromBase64String(b64)
            : ParityReport is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } report
                ? Encoding.UTF8.GetBytes(report.ValueKind == JsonValueKind.String ? report.GetString()! : report.GetRawText())
                : null,
    };
}
