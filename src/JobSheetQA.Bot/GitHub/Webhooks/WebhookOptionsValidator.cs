using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// Refuses to start with an enabled webhook endpoint and no secret: Octokit.Webhooks accepts unsigned deliveries when
/// it has no secret, so anyone could wake the tracker.
/// </summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Enabled && string.IsNullOrWhiteSpace(options.Secret)
            ? ValidateOptionsResult.Fail(
                $"{WebhookOptions.SecretKey} is required when {WebhookOptions.EnabledKey} is true: set it to the secret of the repository's webhook "
                + $"(environment variable GitHub__WebhookSecret), or set {WebhookOptions.EnabledKey} to false.")
            : ValidateOptionsResult.Success;
}
