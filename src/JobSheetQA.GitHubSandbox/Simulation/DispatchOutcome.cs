namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>What a dispatch did: HTTP status, error message, the created run and whether to return its details.</summary>
internal sealed record DispatchOutcome(int Status, string? Message, SimulatedRun? Run, bool ReturnDetails)
{
    public static DispatchOutcome Error(int status, string message) => new(status, message, null, false);
}
