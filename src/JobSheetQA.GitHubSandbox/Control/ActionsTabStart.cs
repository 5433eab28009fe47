namespace JobSheetQA.GitHubSandbox.Control;

/// <summary><c>POST /_sandbox/runs</c>: a run started with the Actions tab's Run workflow button.</summary>
/// <param name="Actor">The GitHub login pressing the button.</param>
/// <param name="Environment">The form's <c>target_environment</c>.</param>
/// <param name="Ref">The branch chosen (default <c>main</c>).</param>
/// <param name="Inputs">Other form inputs (<c>skip_parity</c> …), as strings.</param>
internal sealed record ActionsTabStart(string? Actor, string? Environment, string? Ref, Dictionary<string, string>? Inputs);
