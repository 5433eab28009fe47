using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// Start-up checks for the bot's identity (docs/configuration.md, "Teams (Bot Framework)"; docs/protocol-conformance.md C1.8): without an
/// app id the Teams endpoint would accept anyone, which is allowed only in Development; each message names the key to fix.
/// </summary>
internal sealed class BotCredentialsOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        var failures = new List<string>();
        if (options.IsAnonymous)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add(
                    $"MicrosoftAppId is not set, so /api/messages would accept unauthenticated callers; that is allowed only in " +
                    $"Development (this is '{environment.EnvironmentName}'). Set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType " +
                    "and MicrosoftAppTenantId from the Azure Bot registration (docs/teams-setup.md), or set ASPNETCORE_ENVIRONMENT=Development " +
                    "to use the local Teams simulator.");
            }

            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
                failures.Add("MicrosoftAppPassword is set but MicrosoftAppId is not: set both, or neither.");
            return Result(failures);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
            failures.Add($"MicrosoftAppId must be the Entra application (client) id, a GUID (got '{options.MicrosoftAppId}').");

        if (options.MicrosoftAppType is BotAppType.SingleTenant or BotAppType.UserAssignedMSI)
        {
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                failures.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {options.MicrosoftAppType}.");
            else if (!Guid.TryParse(options.MicrosoftAppTenantId, out _))
                failures.Add($"MicrosoftAppTenantId must be the tenant id, a GUID (got '{options.MicrosoftAppTenantId}').");
        }

        if (options.MicrosoftAppType is BotAppType.MultiTenant or BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            failures.Add($"MicrosoftAppPassword (the client secret) is required when MicrosoftAppType is {options.MicrosoftAppType}.");

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
