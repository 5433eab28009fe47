using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobSheetQA.Bot.GitHub.Auth;

/// <summary>Mints the RS256 JWT a GitHub App signs requests to <c>/app/*</c> with
/// (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app):
/// <c>iat</c> 60 s in the past for clock drift, <c>exp</c> within GitHub's 10-minute limit, <c>iss</c> the app id.</summary>
public sealed class GitHubAppJwtFactory : IDisposable
{
    internal static readonly TimeSpan IssuedAtSkew = TimeSpan.FromSeconds(60);
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private readonly string issuer;
    private readonly TimeProvider timeProvider;
    private readonly RSA rsa;
    private readonly SigningCredentials signingCredentials;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public GitHubAppJwtFactory(string issuer, string privateKeyPem, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        this.issuer = issuer;
        this.timeProvider = timeProvider;
        rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        signingCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256)
        {
            // Each JWT is used once, for the token exchange; caching signature providers per key buys nothing.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
    }

    public string CreateToken()
    {
        var now = timeProvider.GetUtcNow();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = (now - IssuedAtSkew).UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = signingCredentials,
        });
    }

    public void Dispose() => rsa.Dispose();
}
