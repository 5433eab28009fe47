using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Verifies that a request comes from Slack (https://api.slack.com/authentication/verifying-requests-from-slack):
/// <c>v0=hex(HMAC-SHA256(secret, "v0:{ts}:{raw body}"))</c>
/// over the bytes as received, compared in constant time, with the timestamp within five minutes either way so a
/// captured request cannot be replayed later (or prepared for later).
/// </summary>
public sealed class SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request is Slack's; otherwise why not (for the log, never with the secret or signature).</summary>
    public string? Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var signatures = headers[SignatureHeader];
        var timestamps = headers[TimestampHeader];
        if (signatures.Count != 1 || string.IsNullOrEmpty(signatures[0]))
            return $"missing or repeated {SignatureHeader}";
        if (timestamps.Count != 1 || string.IsNullOrEmpty(timestamps[0]))
            return $"missing or repeated {TimestampHeader}";
        if (!long.TryParse(timestamps[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return $"{TimestampHeader} is not a number";

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)MaxClockSkew.TotalSeconds)
            return now > seconds ? "timestamp is older than five minutes" : "timestamp is more than five minutes ahead";

        var signature = signatures[0]!;
        if (!signature.StartsWith("v0=", StringComparison.Ordinal))
            return "signature version is not v0";

        var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(Sign(options.Value.SigningSecret!, timestamps[0]!, body)));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "signature does not match";
    }

    /// <summary>The HMAC of <c>v0:{timestamp}:{body}</c>; tests sign their requests with it too.</summary>
    public static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
