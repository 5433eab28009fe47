namespace JobSheetQA.Rules.Facts;

/// <summary>A request to open a write window, judged by the WRITE-WINDOW rule set (runbook §4.3).</summary>
/// <param name="Environment">The environment whose posture would be relaxed.</param>
/// <param name="ChangeRequest">The change request id as typed; null or blank when none was given.</param>
/// <param name="Duration">The requested length; null when none was given.</param>
/// <param name="Requester">Who asked.</param>
public sealed record WriteWindowRequest(string Environment, string? ChangeRequest, TimeSpan? Duration, RequesterIdentity Requester);
