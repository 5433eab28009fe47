using System.Collections.Concurrent;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Support;

/// <summary>
/// A chat text handler for the durable-turn tests: <c>echo X</c> answers <c>echo: X</c>; <c>hold X</c> waits until the
/// test opens <see cref="Gate"/> (or the host stops) and then answers <c>held: X</c>; <c>explode</c> always throws.
/// Every start is recorded, so a test knows when a worker has taken a turn.
/// </summary>
public sealed class GatedEchoHandler(GatedEchoHandler.TurnGate gate) : IChatTextHandler
{
    public ConcurrentQueue<string> Started { get; } = new();

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(string text, ChatTurn turn, CancellationToken cancellationToken)
    {
        Started.Enqueue(text);
        if (text.StartsWith("echo ", StringComparison.Ordinal))
            return [Reply.Text($"echo: {text[5..]}")];
        if (text.StartsWith("hold ", StringComparison.Ordinal))
        {
            await gate.Opened.WaitAsync(cancellationToken);
            return [Reply.Text($"held: {text[5..]}")];
        }

        if (text == "explode")
            throw new InvalidOperationException("the test handler exploded");
        return null;
    }

    /// <summary>Adds the handler, its turns held at <paramref name="gate"/>, to a test bot's services.</summary>
    public static void Install(IServiceCollection services, TurnGate gate)
    {
        services.AddSingleton(gate);
        services.AddSingleton<GatedEchoHandler>();
        services.AddSingleton<IChatTextHandler>(serviceProvider => serviceProvider.GetRequiredService<GatedEchoHandler>());
    }

    /// <summary>Held turns wait for this; open it with <see cref="Open"/>.</summary>
    public sealed class TurnGate
    {
        private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Opened => opened.Task;

        public void Open() => opened.TrySetResult();
    }
}
