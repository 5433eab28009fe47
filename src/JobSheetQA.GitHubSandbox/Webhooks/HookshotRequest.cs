using System.Security.Cryptography;
using System.Text;

namespace JobSheetQA.GitHubSandbox.Webhooks;

/// <summary>
/// A webhook delivery as GitHub's Hookshot sends it: the JSON body, <c>X-GitHub-Event</c>, <c>X-GitHub-Delivery</c>, and
/// <c>X-Hub-Signature-256</c> = <c>sha256=</c> + hex HMAC-SHA256 of the exact body bytes with the webhook's secret
/// (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries).
/// </summary>
public static class HookshotRequest
{
    /// <summary>A POST of <paramref name="eventName"/> to <paramref name="target"/> (absolute, or relative to a client's base
    /// address), signed with <paramref name="secret"/>, or unsigned when it is null.</summary>
    public static HttpRequestMessage Create(Uri target, string eventName, string body, string delivery, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        request.Headers.Add("X-GitHub-Hook-ID", "424242");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/sandbox");
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", Signature(secret, body));
        }

        return request;
    }

    /// <summary><c>sha256=</c> + hex HMAC-SHA256 of the body with the webhook secret.</summary>
    public static string Signature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
