using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>Handles queued Slack turns with <c>Slack:Workers</c> loops; a failing turn is logged and the next one goes on.</summary>
public sealed class SlackInboundWorker(SlackInboundQueue queue, SlackTurnProcessor processor, IOptions<SlackOptions> options, ILogger<SlackInboundWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await processor.ProcessAsync(turn, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    SlackLog.TurnFailed(logger, exception, turn.Message.InboundId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
