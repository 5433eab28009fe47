namespace JobSheetQA.GitHubSandbox.Http;

/// <summary>The <c>Authorization</c> header split into scheme (lower case) and credential.</summary>
internal sealed record CallerCredentials(string Scheme, string Credential)
{
    public static CallerCredentials? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? new CallerCredentials(header.Trim().ToLowerInvariant(), "")
            : new CallerCredentials(header[..space].ToLowerInvariant(), header[(space + 1)..].Trim());
    }

    public bool IsTokenScheme => Scheme is "token" or "bearer";
}
