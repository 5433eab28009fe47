namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>
/// A custom deployment protection rule (a GitHub App) on the repository's environments: the <c>Deploy</c> job of every run
/// to one of <see cref="Environments"/> waits until <c>POST …/actions/runs/{id}/deployment_protection_rule</c> answers,
/// and the sandbox sends the signed <c>deployment_protection_rule</c> webhook to <see cref="WebhookUrl"/> when it starts waiting.
/// </summary>
public sealed class SandboxProtectionRuleOptions
{
    /// <summary>The environments the rule is enabled on.</summary>
    public IList<string> Environments { get; set; } = ["staging", "production"];

    /// <summary>Where the webhook goes (the App's webhook URL); null = no delivery (a test posts
    /// <c>SandboxControl.ProtectionRuleDelivery</c> itself).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The App's webhook secret: the delivery's <c>X-Hub-Signature-256</c> is its HMAC-SHA256. Required with <see cref="WebhookUrl"/>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How long the job waits for an answer before the run fails (GitHub: 30 days).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sends the deliveries; null = a plain <see cref="HttpClient"/>. Lets a host deliver in-process.</summary>
    public Func<HttpMessageHandler>? WebhookHandler { get; set; }
}
