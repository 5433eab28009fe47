namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>The body of <c>POST …/variables</c> and <c>PATCH …/variables/{name}</c>: <c>{"name": …, "value": …}</c>.</summary>
internal sealed record VariableRequestBody(string Name, string Value);
