namespace JobSheetQA.Bot.GitHub;

/// <summary>GitHub App credentials (<c>GitHub:App:*</c>). The bot mints a JWT and exchanges it for an installation token.</summary>
public sealed class GitHubAppOptions
{
    /// <summary><c>GitHub:App:AppId</c>: the app id or client id, used as the JWT issuer.</summary>
    public string? AppId { get; set; }

    /// <summary><c>GitHub:App:PrivateKey</c>: the app's RSA private key in PEM. Literal <c>\n</c> sequences
    /// (as environment variables often carry them) are accepted.</summary>
    public string? PrivateKey { get; set; }

    /// <summary><c>GitHub:App:InstallationId</c>: the installation on the repository's owner. When absent it is looked up.</summary>
    public long? InstallationId { get; set; }

    internal bool AnySet => !string.IsNullOrWhiteSpace(AppId) || !string.IsNullOrWhiteSpace(PrivateKey) || InstallationId is not null;

    internal string? NormalizedPrivateKey => PrivateKey?.Replace("\\n", "\n", StringComparison.Ordinal).Trim();
}
