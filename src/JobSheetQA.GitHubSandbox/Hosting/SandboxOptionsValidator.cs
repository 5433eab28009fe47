using System.Net;
using JobSheetQA.GitHubSandbox.Control;

namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>Checks <see cref="SandboxOptions"/> before anything binds, with messages that name the setting.</summary>
internal static class SandboxOptionsValidator
{
    public static void Validate(SandboxOptions options)
    {
        var problems = new List<string>();
        if (!string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(options.Host, out _))
        {
            problems.Add($"Sandbox:Host must be 'localhost' or an IP address, not '{options.Host}'.");
        }

        if (options.Port is < 0 or > 65535)
        {
            problems.Add($"Sandbox:Port must be 0–65535, not {options.Port}.");
        }

        if (options.DownloadPort is < 0 or > 65535)
        {
            problems.Add($"Sandbox:DownloadPort must be 0–65535, not {options.DownloadPort}.");
        }

        if (string.IsNullOrWhiteSpace(options.Owner) || string.IsNullOrWhiteSpace(options.Repo))
        {
            problems.Add("Sandbox:Owner and Sandbox:Repo must not be empty.");
        }

        if (options.StepDelay <= TimeSpan.Zero)
        {
            problems.Add($"Sandbox:StepDelay must be positive, not {options.StepDelay}.");
        }

        if (options.RateLimit < 0)
        {
            problems.Add($"Sandbox:RateLimit must not be negative, not {options.RateLimit}.");
        }

        if (options.App is { } app)
        {
            if (app.AppId <= 0)
            {
                problems.Add("Sandbox:App:AppId must be the GitHub App's id (a positive number).");
            }

            if (string.IsNullOrWhiteSpace(app.PublicKeyPem) && string.IsNullOrWhiteSpace(app.PublicKeyPath))
            {
                problems.Add("Sandbox:App needs PublicKeyPem or PublicKeyPath (the App's public key, or its private key PEM).");
            }
            else if (string.IsNullOrWhiteSpace(app.PublicKeyPem) && !File.Exists(app.PublicKeyPath))
            {
                problems.Add($"Sandbox:App:PublicKeyPath '{app.PublicKeyPath}' does not exist.");
            }
        }

        if (options.ControlToken is { } token && (token.Length < ControlAccess.MinimumTokenLength || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            problems.Add($"Sandbox:ControlToken must be at least {ControlAccess.MinimumTokenLength} characters without spaces, or left out to get a random one at each start.");
        }

        if (options.WorkflowPath is { Length: > 0 } workflow && !File.Exists(workflow))
        {
            problems.Add($"Sandbox:WorkflowPath '{workflow}' does not exist.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid GitHub sandbox settings: " + string.Join(" ", problems));
        }
    }
}
