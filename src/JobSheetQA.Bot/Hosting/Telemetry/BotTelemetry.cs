using System.Diagnostics;

namespace JobSheetQA.Bot.Hosting.Telemetry;

/// <summary>The bot's trace sources, one per module, and the name of its meter (<see cref="BotMetrics"/>). A span is
/// only made when a listener (the OpenTelemetry SDK) samples it, so the turn path pays nothing without one.</summary>
public static class BotTelemetry
{
    public const string MeterName = "JobSheetQA.Bot";

    /// <summary>Inbound turns: one span per chat message or form (<c>chat.turn</c>).</summary>
    public static readonly ActivitySource Chat = new("JobSheetQA.Bot.Chat");

    /// <summary>Facts gathering (<c>facts.gather</c>) and the decision (<c>policy.decide</c>).</summary>
    public static readonly ActivitySource Policy = new("JobSheetQA.Bot.Policy");

    /// <summary>Dispatching <c>promotion.yml</c> (<c>promotion.dispatch</c>).</summary>
    public static readonly ActivitySource Promotions = new("JobSheetQA.Bot.Promotions");

    /// <summary>Tracking polls (<c>tracking.poll</c>).</summary>
    public static readonly ActivitySource Jobs = new("JobSheetQA.Bot.Jobs");

    /// <summary>Posts into conversations (<c>chat.post</c>).</summary>
    public static readonly ActivitySource Outbound = new("JobSheetQA.Bot.Outbound");

    /// <summary>Every source above, for the tracer to listen to.</summary>
    public static IReadOnlyList<string> SourceNames { get; } = [Chat.Name, Policy.Name, Promotions.Name, Jobs.Name, Outbound.Name];
}
