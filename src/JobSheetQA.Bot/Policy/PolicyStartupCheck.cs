using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Policy;

/// <summary>
/// Loads the policy and compiles the rules before anything else starts, so a host with an invalid policy never opens
/// its port: it logs every error (file:line:column: key: message) and fails start-up.
/// </summary>
internal sealed partial class PolicyStartupCheck(
    IServiceProvider services,
    IOptions<PolicyOptions> options,
    ILogger<PolicyStartupCheck> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var policy = services.GetRequiredService<PromotionPolicy>();
            _ = services.GetRequiredService<PolicyEngine>();
            LogPolicyLoaded(logger, options.Value.ResolvePath(AppContext.BaseDirectory), policy.Environments.Count);
        }
        catch (PolicyValidationException e)
        {
            LogPolicyInvalid(logger, e.PolicySource, e.Errors.Count);
            foreach (var error in e.Errors)
                LogPolicyError(logger, error.ToString());
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion policy {Path} loaded: {EnvironmentCount} environments; rules compiled")]
    private static partial void LogPolicyLoaded(ILogger logger, string path, int environmentCount);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Promotion policy {Path} is invalid ({ErrorCount} errors); the host will not start")]
    private static partial void LogPolicyInvalid(ILogger logger, string path, int errorCount);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Policy error: {Error}")]
    private static partial void LogPolicyError(ILogger logger, string error);
}
