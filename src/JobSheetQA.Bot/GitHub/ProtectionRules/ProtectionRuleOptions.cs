namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>
/// <c>GitHub:ProtectionRule:Enabled</c>: answer <c>deployment_protection_rule</c> deliveries (docs/github-setup.md,
/// "Deployment protection rule"). Off by default; needs the webhook endpoint (<c>GitHub:Webhooks:Enabled</c>).
/// </summary>
public sealed class ProtectionRuleOptions
{
    public const string EnabledKey = "GitHub:ProtectionRule:Enabled";

    public const string SandboxWebhookUrlKey = "GitHub:ProtectionRule:SandboxWebhookUrl";

    public bool Enabled { get; set; }

    /// <summary>In <c>GitHub:Mode=Sandbox</c>: where the sandbox sends its <c>deployment_protection_rule</c> webhooks (this bot's
    /// <c>…/api/github/webhooks</c>); unset = none are sent and gated runs wait until the sandbox's timeout.</summary>
    public Uri? SandboxWebhookUrl { get; set; }
}
