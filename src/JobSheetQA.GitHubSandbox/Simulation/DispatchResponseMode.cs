namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>How the dispatch endpoint answers (README "Dispatch").</summary>
public enum DispatchResponseMode
{
    /// <summary>200 with run details when asked for them under API version 2026-03-10, else 204.</summary>
    Auto,

    /// <summary>Always 204, as before the 2026-02-19 change.</summary>
    NoContent,

    /// <summary>400 when the body carries <c>return_run_details</c>, as GHES 3.20 and older do.</summary>
    RejectReturnRunDetails,
}
