namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>The JSON body of <c>POST …/actions/workflows/{file}/dispatches</c>. Octokit's serializer writes
/// <c>ref</c>, <c>inputs</c> (keys as given) and <c>return_run_details</c>, and omits nulls.</summary>
public sealed class DispatchRequestBody
{
    public string Ref { get; set; } = string.Empty;

    public IDictionary<string, object> Inputs { get; set; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>True asks GitHub (since 2026-02-19) to answer 200 with the run id; null omits the field for older servers.</summary>
    public bool? ReturnRunDetails { get; set; }
}
