using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>Tokens as a channel would sign them, made with the rig's test keys (or deliberately wrong).</summary>
public static class TestTokens
{
    public const string AppId = "2b2c2f5e-1c1d-4e0a-9d3e-5a6b7c8d9e0f";
    public const string TenantId = "7e1f5d40-3a2b-4c1d-8e9f-0a1b2c3d4e5f";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static string BotFramework(
        TestSigningKey key, string serviceUrl, string audience = AppId, string issuer = BotFrameworkIssuer,
        TimeSpan? expiresIn = null, TimeSpan? notBeforeIn = null, bool includeServiceUrl = true)
    {
        var claims = new Dictionary<string, object>();
        if (includeServiceUrl)
            claims["serviceurl"] = serviceUrl;
        return Sign(key, issuer, audience, claims, expiresIn, notBeforeIn);
    }

    /// <summary>An Entra-issued token (v1 issuer sts.windows.net) with the given claims.</summary>
    /// <summary>An Entra token minted with this bot's own app id (<c>appid</c> in version 1.0, <c>azp</c> in 2.0), as the
    /// Emulator and the Direct Line App Service Extension mint them (conformance C1.7).</summary>
    public static string EntraAgent(TestSigningKey key, string tenant, string version, string appClaim) =>
        Entra(key, tenant, new Dictionary<string, object> { ["ver"] = version, [appClaim] = AppId, ["tid"] = tenant }, v2Issuer: version == "2.0");

    public static string Entra(TestSigningKey key, string tenantInIssuer, IDictionary<string, object> claims, bool v2Issuer = false)
    {
        var issuer = v2Issuer ? $"https://login.microsoftonline.com/{tenantInIssuer}/v2.0" : $"https://sts.windows.net/{tenantInIssuer}/";
        return Sign(key, issuer, AppId, claims, null, null);
    }

    public static string Sign(TestSigningKey key, string issuer, string audience, IDictionary<string, object> claims, TimeSpan? expiresIn, TimeSpan? notBeforeIn)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var notBefore = notBeforeIn is { } nbf ? now + nbf : (expires < now ? expires.AddMinutes(-30) : now.AddMinutes(-1));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = notBefore,
            Expires = expires,
            IssuedAt = notBefore,
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token "signed" with HS256 using a secret, naming a published RSA key's kid.</summary>
    public static string Hs256(string kid, string serviceUrl)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256")) { KeyId = kid };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkIssuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>).</summary>
    public static string Unsigned(string kid, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid };
        var payload = new JsonObject
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now - 60,
            ["exp"] = now + 1800,
        };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }

    /// <summary>A valid token with its signature bytes altered.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 0x01;
        return $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}";
    }
}
