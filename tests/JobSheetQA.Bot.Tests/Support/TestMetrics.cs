using System.Diagnostics.Metrics;
using JobSheetQA.Bot.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Support;

/// <summary>The bot's metrics outside a host, for classes a test builds by hand.</summary>
public static class TestMetrics
{
    public static BotMetrics Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
