namespace JobSheetQA.Bot.GitHub;

/// <summary>One check-run annotation of a workflow job: what a step printed with <c>::error::</c> or <c>::warning::</c>.</summary>
/// <param name="Level">GitHub's <c>annotation_level</c>: <c>failure</c>, <c>warning</c> or <c>notice</c>.</param>
/// <param name="Title">The annotation's title (often the step or file); may be empty.</param>
/// <param name="Message">What was printed, redacted of anything that looks like a secret.</param>
/// <param name="Path">The file it points at, when it points at one.</param>
/// <param name="Line">The line it points at, when known.</param>
public sealed record JobAnnotation(string Level, string Title, string Message, string? Path, int? Line);
