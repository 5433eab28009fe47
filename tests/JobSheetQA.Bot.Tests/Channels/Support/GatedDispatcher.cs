using JobSheetQA.Bot.GitHub;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Support;

/// <summary>
/// The real dispatcher (on the GitHub sandbox) held at a gate the test opens: a dispatch as slow as the test wants,
/// without sleeping. Counts the dispatches that reached GitHub.
/// </summary>
public sealed class GatedDispatcher(IPromotionDispatcher inner, GatedEchoHandler.TurnGate gate) : IPromotionDispatcher
{
    private int dispatched;

    public int Dispatched => dispatched;

    public async Task<GitHubResult<DispatchedRun>> DispatchAsync(PromotionDispatch dispatch, CancellationToken cancellationToken = default)
    {
        await gate.Opened.WaitAsync(cancellationToken);
        Interlocked.Increment(ref dispatched);
        return await inner.DispatchAsync(dispatch, cancellationToken);
    }

    public Task<GitHubResult<DispatchedRun?>> FindRunByCorrelationIdAsync(string correlationId, string branch, DateTimeOffset createdSince, CancellationToken cancellationToken = default) =>
        inner.FindRunByCorrelationIdAsync(correlationId, branch, createdSince, cancellationToken);

    /// <summary>Puts the gate in front of the dispatcher Program.cs registered.</summary>
    public static void Install(IServiceCollection services, GatedEchoHandler.TurnGate gate)
    {
        var original = services.Last(d => d.ServiceType == typeof(IPromotionDispatcher));
        services.AddSingleton(serviceProvider => new GatedDispatcher(
            (IPromotionDispatcher)ActivatorUtilities.CreateInstance(serviceProvider, original.ImplementationType!), gate));
        services.AddSingleton<IPromotionDispatcher>(serviceProvider => serviceProvider.GetRequiredService<GatedDispatcher>());
    }
}
