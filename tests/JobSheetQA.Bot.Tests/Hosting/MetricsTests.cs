using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Tests.Chat.Support;

namespace JobSheetQA.Bot.Tests.Hosting;

/// <summary>The bot's meter, read with a <see cref="MeterListener"/> tied to this host's meter (other tests' hosts in the
/// same process have their own), and the Prometheus endpoint behind the dashboard's sign-in.</summary>
public sealed class MetricsTests
{
    private const string Password = "metrics-test-password-0123";

    [Fact]
    public async Task A_promotion_counts_its_turn_its_decision_with_rule_ids_its_states_and_its_github_requests()
    {
        await using var chat = ChatTestHost.Start();
        using var recorded = new Recorded(chat.Get<BotMetrics>());

        var answer = await chat.SayAsync("dana", "promote staging");
        await chat.SayAsync("dana", "promote production --dry-run");

        Assert.Contains("Dispatched", answer);
        Assert.Equal(2, recorded.Sum("jobsheetqa.turns", ("channel", "test"), ("outcome", "answered")));
        Assert.Equal(1, recorded.Sum("jobsheetqa.decisions", ("kind", "promote"), ("verdict", "Allow")));
        Assert.Equal(1, recorded.Sum("jobsheetqa.decisions", ("kind", "dry-run"), ("verdict", "Deny")));
        Assert.True(recorded.Sum("jobsheetqa.decision.findings", ("rule_id", "STAGE-FIRST"), ("verdict", "Deny")) >= 1);
        foreach (var state in new[] { "Requested", "Evaluated", "Dispatched" })
            Assert.Equal(1, recorded.Sum("jobsheetqa.promotions", ("state", state)));
        Assert.True(recorded.Sum("jobsheetqa.github.requests", ("method", "POST"), ("status", 200)) >= 1, "the dispatch");
        Assert.True(recorded.Sum("jobsheetqa.github.requests") >= 3);
    }

    [Fact]
    public async Task A_turn_a_channel_adapter_already_accepted_is_counted_and_a_repeat_counts_as_a_duplicate()
    {
        // Teams and Slack store their turns in the inbound queue first and hand them over as accepted.
        await using var chat = ChatTestHost.Start();
        using var recorded = new Recorded(chat.Get<BotMetrics>());
        var message = new ChatMessage(chat.NextInboundId(), ChatTestHost.Conversation("general"), ChatTestHost.User("dana"), "help");

        await chat.Get<ChatTurnHandler>().HandleAcceptedAsync(message);
        await chat.SendAsync(message);
        await chat.SendAsync(message);

        Assert.Equal(2, recorded.Sum("jobsheetqa.turns", ("channel", "test"), ("outcome", "answered")));
        Assert.Equal(1, recorded.Sum("jobsheetqa.turns", ("channel", "test"), ("outcome", "duplicate")));
    }

    [Fact]
    public async Task Metrics_are_served_to_prometheus_only_with_the_dashboard_password()
    {
        await using var chat = ChatTestHost.Start(new Dictionary<string, string?>
        {
            ["Telemetry:Metrics:Enabled"] = "true",
            ["Jobs:Dashboard:Enabled"] = "true",
            ["Jobs:Dashboard:Password"] = Password,
        });
        await chat.SayAsync("dana", "help");
        using var client = chat.CreateClient();

        using var anonymous = await client.GetAsync("/metrics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + Password)));
        using var signedIn = await client.SendAsync(request);
        var text = await signedIn.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("jobsheetqa_turns", text);
    }

    /// <summary>Every long measurement of this host's bot meter, with its tags.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Name, long Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

        public Recorded(BotMetrics metrics)
        {
            var meter = metrics.Meter;
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
            listener.Start();
        }

        public long Sum(string name, params (string Key, object Value)[] tags) =>
            measurements.Where(m => m.Name == name && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value)))).Sum(m => m.Value);

        public void Dispose() => listener.Dispose();
    }
}
