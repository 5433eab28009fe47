namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// The GitHub webhook endpoint's settings: <c>GitHub:Webhooks:Enabled</c> turns it on, <c>GitHub:WebhookSecret</c>
/// (required then) checks each delivery's <c>X-Hub-Signature-256</c>. Off by default: polling works without it.
/// </summary>
public sealed class WebhookOptions
{
    public const string Path = "/api/github/webhooks";

    public const string EnabledKey = "GitHub:Webhooks:Enabled";

    public const string SecretKey = "GitHub:WebhookSecret";

    public bool Enabled { get; set; }

    public string? Secret { get; set; }
}
