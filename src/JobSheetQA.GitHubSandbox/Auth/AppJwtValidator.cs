using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JobSheetQA.GitHubSandbox.Hosting;

namespace JobSheetQA.GitHubSandbox.Auth;

/// <summary>
/// Checks a GitHub App JWT the way GitHub does: RS256 signed by the app's key, <c>iss</c> = app id or client id,
/// <c>exp</c> in the future but at most 10 minutes ahead, <c>iat</c> not in the future (60 s of clock skew allowed).
/// </summary>
internal sealed class AppJwtValidator : IDisposable
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);

    private readonly SandboxAppOptions app;
    private readonly TimeProvider time;
    private readonly RSA key;

    public AppJwtValidator(SandboxAppOptions app, TimeProvider time)
    {
        this.app = app;
        this.time = time;
        var pem = !string.IsNullOrWhiteSpace(app.PublicKeyPem)
            ? app.PublicKeyPem
            : !string.IsNullOrWhiteSpace(app.PublicKeyPath)
                ? File.ReadAllText(app.PublicKeyPath)
                : throw new InvalidOperationException("Sandbox:App needs PublicKeyPem or PublicKeyPath.");
        key = RSA.Create();
        key.ImportFromPem(pem);
    }

    /// <summary>Null when the JWT is good; else the message GitHub answers with its 401.</summary>
    public string? Validate(string jwt)
    {
        const string undecodable = "A JSON web token could not be decoded";
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return undecodable;
        }

        JsonElement header, payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
            payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
            signature = Base64Url(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return undecodable;
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256")
        {
            return undecodable;
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return undecodable;
        }

        if (!IssuerMatches(payload))
        {
            return "Integration not found";
        }

        var now = time.GetUtcNow();
        if (!TryTime(payload, "iat", out var issuedAt) || issuedAt > now + Skew)
        {
            return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.";
        }

        if (!TryTime(payload, "exp", out var expires) || expires <= now)
        {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.";
        }

        if (expires > now + MaxLifetime + TimeSpan.FromSeconds(5))
        {
            return "'Expiration time' claim ('exp') is too far in the future.";
        }

        return null;
    }

    public void Dispose() => key.Dispose();

    private bool IssuerMatches(JsonElement payload)
    {
        if (!payload.TryGetProperty("iss", out var iss))
        {
            return false;
        }

        var value = iss.ValueKind switch
        {
            JsonValueKind.String => iss.GetString(),
            JsonValueKind.Number => iss.GetRawText(),
            _ => null,
        };
        return value is not null
            && (value == app.AppId.ToString(CultureInfo.InvariantCulture) || (app.ClientId is { Length: > 0 } id && value == id));
    }

    private static bool TryTime(JsonElement payload, string claim, out DateTimeOffset at)
    {
        at = default;
        if (!payload.TryGetProperty(claim, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds))
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }
}
