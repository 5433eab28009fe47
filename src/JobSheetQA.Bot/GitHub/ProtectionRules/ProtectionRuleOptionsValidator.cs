using JobSheetQA.Bot.GitHub.Webhooks;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>The protection rule arrives as a webhook: enabling it without the (signed) endpoint would leave every gated job waiting.</summary>
internal sealed class ProtectionRuleOptionsValidator(IOptions<WebhookOptions> webhooks) : IValidateOptions<ProtectionRuleOptions>
{
    public ValidateOptionsResult Validate(string? name, ProtectionRuleOptions options) =>
        options.Enabled && !webhooks.Value.Enabled
            ? ValidateOptionsResult.Fail(
                $"{ProtectionRuleOptions.EnabledKey} needs {WebhookOptions.EnabledKey}=true (and {WebhookOptions.SecretKey}): GitHub asks the protection rule "
                + $"through the signed webhook endpoint {WebhookOptions.Path}. Enable the webhooks, or set {ProtectionRuleOptions.EnabledKey} to false.")
            : ValidateOptionsResult.Success;
}
