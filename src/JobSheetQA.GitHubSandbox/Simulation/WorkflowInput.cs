namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>One <c>on.workflow_dispatch.inputs</c> entry of a workflow file.</summary>
internal sealed record WorkflowInput(string Name, string Type, bool Required, string? Default, IReadOnlyList<string> Options);
