using JobSheetQA.GitHubSandbox.Hosting;
using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Auth;

/// <summary>
/// Authentication of the App endpoints (<c>/app/…</c>, <c>/repos/{o}/{r}/installation</c>): the App JWT when an App
/// is configured, anything otherwise (the sandbox's "accept anything" mode).
/// </summary>
internal sealed class AppAuthentication : IDisposable
{
    private readonly AppJwtValidator? validator;

    public AppAuthentication(SandboxState state)
    {
        App = state.Options.App;
        validator = App is null ? null : new AppJwtValidator(App, state.Time);
    }

    public SandboxAppOptions? App { get; }

    public long AppId => App?.AppId ?? 1;

    public long? InstallationId => App?.InstallationId;

    public string Slug => App?.Slug ?? "jobsheetqa-bot";

    /// <summary>Null when the request may go on; else the 401 to answer.</summary>
    public IResult? Check(HttpRequest request)
    {
        if (validator is null)
        {
            return null;
        }

        var credentials = CallerCredentials.From(request);
        if (credentials is not { Scheme: "bearer" } bearer || bearer.Credential.Length == 0)
        {
            return GitHubResults.Error(401, "A JSON web token could not be decoded");
        }

        var error = validator.Validate(bearer.Credential);
        return error is null ? null : GitHubResults.Error(401, error);
    }

    public void Dispose() => validator?.Dispose();
}
