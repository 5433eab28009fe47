using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

public static class SlackEndpoints
{
    /// <summary>
    /// Maps <c>POST /api/slack/events</c>, <c>/api/slack/commands</c> and <c>/api/slack/interactions</c> when
    /// <c>Slack:Enabled</c> is true; with Slack off they do not exist. Thin: the receiver verifies, parses and queues.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled)
            return endpoints;

        var slack = endpoints.MapGroup("/api/slack");
        slack.MapPost("/events", (HttpContext context, SlackRequestReceiver receiver) => receiver.EventsAsync(context));
        slack.MapPost("/commands", (HttpContext context, SlackRequestReceiver receiver) => receiver.CommandsAsync(context));
        slack.MapPost("/interactions", (HttpContext context, SlackRequestReceiver receiver) => receiver.InteractionsAsync(context));
        return endpoints;
    }
}
