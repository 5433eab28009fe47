using System.Security.Cryptography;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Auth;

/// <summary>Mints installation tokens valid for one hour, as GitHub does.</summary>
internal sealed class InstallationTokens(SandboxState state)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public (string Token, DateTimeOffset ExpiresAt) Mint()
    {
        // Not 40 characters on purpose: GitHub is rolling out longer ghs_ tokens
        // (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app).
        var token = "ghs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var expires = state.Time.GetUtcNow() + Lifetime;
        lock (state.Sync)
        {
            state.InstallationTokens[token] = expires;
        }

        return (token, expires);
    }
}
