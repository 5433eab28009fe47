namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>The GitHub App the sandbox recognises (JWT → installation token).</summary>
public sealed class SandboxAppOptions
{
    /// <summary>App id; a JWT's <c>iss</c> may be this number.</summary>
    public long AppId { get; set; }

    /// <summary>Client id; a JWT's <c>iss</c> may also be this (GitHub's recommendation).</summary>
    public string? ClientId { get; set; }

    /// <summary>PEM of the app's public key (<c>PUBLIC KEY</c>), or of its private key (the public half is used).</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>File holding the PEM, read when <see cref="PublicKeyPem"/> is empty.</summary>
    public string? PublicKeyPath { get; set; }

    public long InstallationId { get; set; } = 1;

    /// <summary>App slug; runs dispatched with an installation token have actor <c>&lt;slug&gt;[bot]</c>.</summary>
    public string Slug { get; set; } = "jobsheetqa-bot";
}
