using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Hosting.Telemetry;

/// <summary><c>/metrics</c> borrows the jobs dashboard's sign-in, so it needs the dashboard (and its password) switched on.</summary>
internal sealed class TelemetryOptionsValidator(IConfiguration configuration) : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (options.Metrics.Enabled && !configuration.GetValue<bool>("Jobs:Dashboard:Enabled"))
        {
            return ValidateOptionsResult.Fail(
                "Telemetry:Metrics:Enabled needs Jobs:Dashboard:Enabled and Jobs:Dashboard:Password: /metrics is served behind the dashboard's sign-in (HTTP Basic), never open.");
        }

        return ValidateOptionsResult.Success;
    }
}
