namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>
/// <c>GitHub:ProtectionRule:Enabled</c>: answer <c>deployment_protection_rule</c> deliveries (docs/github-setup.md,
/// "Deployment protection rule"). Off by default; needs the webhook endpoint (<c>GitHub:Webhooks:Enabled</c>).
/// </summary>
public sealed class ProtectionRuleOptions
{
    public const string EnabledKey = "GitHub:ProtectionRule:Enabled";

    public const string SandboxWebhookUrlKey = "GitHub:ProtectionRule:SandboxWebhookUrl";

    public const string GiveUpAfterKey = "GitHub:ProtectionRule:GiveUpAfter";

    /// <summary>The longest <see cref="GiveUpAfter"/> allowed: GitHub itself gives up on a waiting job after 30 days.</summary>
    public static readonly TimeSpan MaxGiveUpAfter = TimeSpan.FromDays(1);

    public bool Enabled { get; set; }

    /// <summary>In <c>GitHub:Mode=Sandbox</c>: where the sandbox sends its <c>deployment_protection_rule</c> webhooks (this bot's
    /// <c>…/api/github/webhooks</c>); unset = none are sent and gated runs wait until the sandbox's timeout.</summary>
    public Uri? SandboxWebhookUrl { get; set; }

    /// <summary>A review still unanswered this long after its webhook arrived (the bot died while judging it, or judging
    /// hangs) is rejected by the sweep, which runs every minute: nothing waits for GitHub's 30-day timeout.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(2);
}
