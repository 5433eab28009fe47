namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>One API request as the sandbox saw it. Never holds a token.</summary>
/// <param name="AuthScheme"><c>token</c>, <c>bearer</c>, <c>basic</c>, another scheme in lower case, or null without <c>Authorization</c>.</param>
/// <param name="ApiVersion">The <c>X-GitHub-Api-Version</c> header, if sent.</param>
/// <param name="Fault">The injected fault kind that answered, if any.</param>
public sealed record RequestLogEntry(
    DateTimeOffset At,
    string Method,
    string Path,
    int Status,
    bool IfNoneMatch,
    bool NotModified,
    string? AuthScheme,
    string? ApiVersion,
    FaultKind? Fault);
