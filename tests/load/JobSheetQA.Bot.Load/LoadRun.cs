using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Load;

/// <summary>One measurement: <see cref="Conversations"/> conversations, each sending <see cref="Command"/> again as soon as
/// the previous turn's HTTP answer and first reply are both in, for a warm-up and then the measured window.</summary>
internal sealed record LoadRun(string Command, int Conversations, TimeSpan WarmUp, TimeSpan Window)
{
    public async Task<LoadResult> RunAsync(BotProcess bot, ConnectorSink sink, HttpClient http)
    {
        var prefix = $"a:load-{Guid.NewGuid():N}"[..18];
        var startedAt = Stopwatch.GetTimestamp();
        var measureFrom = startedAt + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(Window.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, Conversations)
            .Select(i => Task.Run(() => ConverseAsync(bot, sink, http, $"{prefix}-{i}", measureFrom, measureUntil)))
            .ToList();
        var results = await Task.WhenAll(workers);
        var latencies = results.SelectMany(r => r.Latencies).Order().ToList();
        return new LoadResult(bot.Name, Command, Conversations, latencies.Count, latencies.Count / Window.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), results.Sum(r => r.Failures), results.Select(r => r.Sample).FirstOrDefault(s => s is not null));
    }

    private async Task<(List<double> Latencies, int Failures, string? Sample)> ConverseAsync(
        BotProcess bot, ConnectorSink sink, HttpClient http, string conversationId, long measureFrom, long measureUntil)
    {
        var latencies = new List<double>();
        var failures = 0;
        string? sample = null;
        while (Stopwatch.GetTimestamp() < measureUntil)
        {
            var activityId = Guid.NewGuid().ToString("N");
            var reply = sink.FirstReplyTo(activityId);
            var sentAt = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(bot.Messages, Message(sink.BaseAddress, conversationId, activityId, Command));
            var answered = await Task.WhenAny(reply, Task.Delay(TimeSpan.FromSeconds(30))) == reply;
            if (!response.IsSuccessStatusCode || !answered)
            {
                failures++;
                continue;
            }

            var (at, text) = await reply;
            sample ??= text;
            // A turn counts in the window it was sent in (closed-loop: the next one starts when this one is answered).
            if (sentAt >= measureFrom && sentAt < measureUntil)
                latencies.Add((at - sentAt) * 1000.0 / Stopwatch.Frequency);
        }

        return (latencies, failures, sample);
    }

    /// <summary>A Teams personal-chat message as the channel sends it (the bot's Development mode takes it without a token).</summary>
    private static JsonObject Message(Uri serviceUrl, string conversationId, string activityId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = activityId,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:load-user", ["name"] = "Load Tester", ["aadObjectId"] = "00000000-0000-4000-8000-00000000load" },
        ["recipient"] = new JsonObject { ["id"] = "28:load-bot", ["name"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "load-tenant" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "load-tenant" } },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-GB",
    };

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

internal sealed record LoadResult(string Bot, string Command, int Conversations, int Turns, double PerSecond, double P50, double P99, int Failures, string? Sample);
