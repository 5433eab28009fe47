using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobSheetQA.Bot.GitHub.Auth;

/// <summary>Mints the RS256 JWT a GitHub App signs requests to <c>/app/*</c> with (research brief §5):
/// <c>iat</c> 60 s in the past for clock drift, <c>exp</c> within GitHub's 10-minute limit, <c>iss</c> the app id.</summary>
public sealed class GitHubAppJwtFactory : IDisposable
{
    internal static readonly TimeSpan IssuedAtSkew = TimeSpan.FromSeconds(60);
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private readonly string _issuer;
    private readonly TimeProvider _timeProvider;
    private readonly RSA _rsa;
    private readonly SigningCredentials _signingCredentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public GitHubAppJwtFactory(string issuer, string privateKeyPem, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        _issuer = issuer;
        _timeProvider = timeProvider;
        _rsa = RSA.Create();
        _rsa.ImportFromPem(privateKeyPem);
        _signingCredentials = new SigningCredentials(new RsaSecurityKey(_rsa), SecurityAlgorithms.RsaSha256)
        {
            // Each JWT is used once, for the token exchange; caching signature providers per key buys nothing.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
    }

    public string CreateToken()
    {
        var now = _timeProvider.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            IssuedAt = (now - IssuedAtSkew).UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = _signingCredentials,
        });
    }

    public void Dispose() => _rsa.Dispose();
}
