using System.Security.Cryptography;
using System.Text.RegularExpressions;
using JobSheetQA.Bot.GitHub.Client;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.GitHub;

/// <summary>Start-up validation of <c>GitHub:*</c>; every message names the key to fix. Without
/// <paramref name="environment"/> (a bare service collection) the host counts as not Development.</summary>
internal sealed partial class GitHubOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var failures = new List<string>();

        if (options.Mode is null)
        {
            // Development fills in Sandbox (GitHubServiceCollectionExtensions), so this is any other environment.
            var where = environment is null ? "" : $" (this is '{environment.EnvironmentName}')";
            failures.Add(
                $"GitHub:Mode is not set, and outside Development{where} it has no default, so a forgotten setting cannot send " +
                "promotions to the simulator: set GitHub:Mode=GitHub (environment variable GitHub__Mode) with GitHub:Owner, " +
                "GitHub:Repository and a token or GitHub App to promote on GitHub, or GitHub:Mode=Sandbox to run on the " +
                "in-process GitHub simulator on purpose.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"GitHub:BaseUrl must be an absolute https URL such as {GitHubOptions.DefaultBaseUrl} (got '{options.BaseUrl}').");
        }
        else if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback)
        {
            failures.Add(
                $"GitHub:BaseUrl must use https: the GitHub token goes with every request, so plain http is accepted only for a " +
                $"loopback host such as http://127.0.0.1:3979/ (got '{options.BaseUrl}').");
        }

        if (string.IsNullOrWhiteSpace(options.Workflow))
        {
            failures.Add("GitHub:Workflow must name the promotion workflow file, e.g. promotion.yml.");
        }
        else if (GitHubPaths.SegmentProblem(options.Workflow) is { } problem)
        {
            failures.Add($"GitHub:Workflow must be a workflow file name such as promotion.yml, not a path ('{GitHubPaths.Printable(options.Workflow)}': {problem}).");
        }

        ValidateName("GitHub:Owner", options.Owner, failures);
        ValidateName("GitHub:Repository", options.Repository, failures);

        if (options.Mode == GitHubMode.GitHub)
        {
            if (string.IsNullOrWhiteSpace(options.Owner))
            {
                failures.Add("GitHub:Owner is required when GitHub:Mode is GitHub (environment variable GitHub__Owner).");
            }

            if (string.IsNullOrWhiteSpace(options.Repository))
            {
                failures.Add("GitHub:Repository is required when GitHub:Mode is GitHub (environment variable GitHub__Repository).");
            }

            if (options.HasToken && options.App.AnySet)
            {
                failures.Add("GitHub:Token and GitHub:App:* are both set; configure exactly one authentication method.");
            }
            else if (!options.HasToken && !options.App.AnySet)
            {
                failures.Add("GitHub:Mode is GitHub but no credentials are set; set GitHub:Token, or GitHub:App:AppId and GitHub:App:PrivateKey (and GitHub:App:InstallationId).");
            }
        }

        if (options.App.AnySet && !(options.Mode == GitHubMode.GitHub && options.HasToken))
        {
            ValidateApp(options.App, failures);
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("GitHub:RequestTimeout must be positive.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("GitHub:MaxAttempts must be between 1 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("GitHub:RetryBaseDelay must be non-negative and no larger than GitHub:RetryMaxDelay.");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero)
        {
            failures.Add("GitHub:MaxRateLimitWait must not be negative.");
        }

        if (options.CorrelationTimeout <= TimeSpan.Zero || options.CorrelationPollInterval <= TimeSpan.Zero)
        {
            failures.Add("GitHub:CorrelationTimeout and GitHub:CorrelationPollInterval must be positive.");
        }

        if (options.PageSize is < 1 or > 100)
        {
            failures.Add("GitHub:PageSize must be between 1 and 100.");
        }

        if (options.ResponseCacheEntries < 1)
        {
            failures.Add("GitHub:ResponseCacheEntries must be at least 1.");
        }

        if (options.FactsCacheEntries < 1)
        {
            failures.Add("GitHub:FactsCacheEntries must be at least 1.");
        }

        if (options.FactsFreshness < TimeSpan.Zero || options.FactsFreshness > TimeSpan.FromMinutes(5))
        {
            failures.Add("GitHub:FactsFreshness must be between 00:00:00 and 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Owner and repository go into every REST path, so they must be names GitHub itself allows.</summary>
    private static void ValidateName(string key, string? value, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && (!GitHubName().IsMatch(value) || value is "." or ".."))
        {
            failures.Add($"{key} must be a GitHub name (letters, digits, '-', '_' and '.'), not '{GitHubPaths.Printable(value)}'.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex GitHubName();

    private static void ValidateApp(GitHubAppOptions app, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(app.AppId))
        {
            failures.Add("GitHub:App:AppId is required for GitHub App authentication (the app id or client id).");
        }

        if (string.IsNullOrWhiteSpace(app.PrivateKey))
        {
            failures.Add("GitHub:App:PrivateKey is required for GitHub App authentication (the app's private key in PEM).");
        }
        else
        {
            try
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(app.NormalizedPrivateKey);
            }
            catch (ArgumentException)
            {
                failures.Add("GitHub:App:PrivateKey is not a PEM RSA private key (expected -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----).");
            }
            catch (CryptographicException)
            {
                failures.Add("GitHub:App:PrivateKey could not be read as an RSA private key.");
            }
        }

        if (app.InstallationId is <= 0)
        {
            failures.Add("GitHub:App:InstallationId must be a positive number when set.");
        }
    }
}
