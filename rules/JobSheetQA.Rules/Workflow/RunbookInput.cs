namespace JobSheetQA.Rules.Workflow;

/// <summary>One <c>workflow_dispatch</c> input as runbook §2.1 specifies it.</summary>
/// <param name="Name">The input id.</param>
/// <param name="Type">The required <c>type:</c>; GitHub reads a missing type as <c>string</c>.</param>
/// <param name="Required">Whether <c>required: true</c> is expected (otherwise it must be absent or false).</param>
/// <param name="Default">The default it must declare, or null when any default is allowed.</param>
/// <param name="ForbidsDefault">It must have no default (an acknowledgement has to be typed each time, runbook §2.4).</param>
/// <param name="Options">For a choice: exactly these options, in any order.</param>
internal sealed record RunbookInput(
    string Name,
    string Type,
    bool Required,
    string? Default = null,
    bool ForbidsDefault = false,
    IReadOnlyList<string>? Options = null)
{
    /// <summary>How the runbook describes it, for "missing" messages.</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string> { $"type {Type}", Required ? "required" : "not required" };
            if (Options is not null) parts.Add($"options {string.Join(" and ", Options)}");
            if (Default is not null) parts.Add($"default {Default}");
            if (ForbidsDefault) parts.Add("no default");
            return string.Join(", ", parts);
        }
    }
}
