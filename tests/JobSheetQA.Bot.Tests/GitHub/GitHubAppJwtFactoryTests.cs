using JobSheetQA.Bot.GitHub.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class GitHubAppJwtFactoryTests
{
    [Fact]
    public async Task The_jwt_is_RS256_issued_a_minute_early_expires_within_ten_minutes_and_names_the_app()
    {
        var now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        using var factory = new GitHubAppJwtFactory("12345", TestKeys.PrivateKeyPem, new FakeTimeProvider(now));

        var jwt = factory.CreateToken();

        var token = new JsonWebToken(jwt);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("12345", token.Issuer);
        Assert.Equal(now.AddSeconds(-60).ToUnixTimeSeconds(), token.GetPayloadValue<long>("iat"));
        var exp = token.GetPayloadValue<long>("exp");
        Assert.True(exp <= now.AddMinutes(10).ToUnixTimeSeconds());
        Assert.True(exp > now.ToUnixTimeSeconds());

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(TestKeys.Rsa.ExportParameters(false)),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }
}
