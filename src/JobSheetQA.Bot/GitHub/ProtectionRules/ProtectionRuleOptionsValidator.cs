using JobSheetQA.Bot.GitHub.Webhooks;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>
/// The protection rule arrives as a webhook and is answered by the App that is the rule: enabling it without the
/// (signed) endpoint, or against GitHub with a token instead of the App, would leave every gated job waiting.
/// </summary>
internal sealed class ProtectionRuleOptionsValidator(IOptions<WebhookOptions> webhooks, IOptions<GitHubOptions> github) : IValidateOptions<ProtectionRuleOptions>
{
    public ValidateOptionsResult Validate(string? name, ProtectionRuleOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;

        var failures = new List<string>();
        if (options.GiveUpAfter <= TimeSpan.Zero || options.GiveUpAfter > ProtectionRuleOptions.MaxGiveUpAfter)
        {
            failures.Add(
                $"{ProtectionRuleOptions.GiveUpAfterKey} must be more than 00:00:00 and at most {ProtectionRuleOptions.MaxGiveUpAfter:c} "
                + $"(it is {(options.GiveUpAfter == TimeSpan.MinValue ? "not a time span such as 00:02:00" : options.GiveUpAfter.ToString("c", System.Globalization.CultureInfo.InvariantCulture))}): a review not answered by then is rejected so the run does not wait for GitHub's 30-day timeout.");
        }

        if (!webhooks.Value.Enabled)
        {
            failures.Add(
                $"{ProtectionRuleOptions.EnabledKey} needs {WebhookOptions.EnabledKey}=true (and {WebhookOptions.SecretKey}): GitHub asks the protection rule "
                + $"through the signed webhook endpoint {WebhookOptions.Path}. Enable the webhooks, or set {ProtectionRuleOptions.EnabledKey} to false.");
        }

        if (github.Value is { Mode: GitHubMode.GitHub, App.AnySet: false })
        {
            failures.Add(
                $"{ProtectionRuleOptions.EnabledKey} needs the GitHub App (GitHub:App:AppId, GitHub:App:PrivateKey) rather than GitHub:Token: GitHub takes a "
                + "protection rule's answer only from the App that is the rule (docs/github-setup.md, section 5).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
