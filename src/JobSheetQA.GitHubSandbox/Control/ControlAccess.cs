using System.Security.Cryptography;
using System.Text;
using JobSheetQA.GitHubSandbox.Hosting;

namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>
/// The control API's one credential: <see cref="SandboxOptions.ControlToken"/>, or 256 random bits generated at this
/// start. Anyone who can reach the port could otherwise rewrite the repository, the runs and the faults the bot sees.
/// </summary>
internal sealed class ControlAccess
{
    public const int MinimumTokenLength = 16;

    private const string Scheme = "Bearer ";

    private readonly byte[] expected;

    public ControlAccess(SandboxOptions options)
    {
        Token = options.ControlToken ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        expected = Encoding.UTF8.GetBytes(Token);
    }

    public string Token { get; }

    /// <summary>True when the request carries exactly one <c>Authorization: Bearer &lt;token&gt;</c> with this start's token.</summary>
    public bool Allows(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(value[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
