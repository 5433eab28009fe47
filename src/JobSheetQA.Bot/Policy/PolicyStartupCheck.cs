using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Policy;

/// <summary>
/// Compiles the rules before anything else starts, so the first promotion does not pay for it, and logs which policy
/// is in force. The policy file's errors are reported earlier, with every other settings problem
/// (<see cref="PolicyFileSettingsCheck"/>).
/// </summary>
internal sealed partial class PolicyStartupCheck(
    IServiceProvider services,
    IOptions<PolicyOptions> options,
    ILogger<PolicyStartupCheck> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var policy = services.GetRequiredService<PromotionPolicy>();
        _ = services.GetRequiredService<PolicyEngine>();
        LogPolicyLoaded(logger, options.Value.ResolvePath(AppContext.BaseDirectory), policy.Environments.Count);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion policy {Path} loaded: {EnvironmentCount} environments; rules compiled")]
    private static partial void LogPolicyLoaded(ILogger logger, string path, int environmentCount);
}
