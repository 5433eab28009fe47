using System.Diagnostics.Metrics;

namespace JobSheetQA.Bot.Hosting.Telemetry;

/// <summary>
/// The bot's instruments on the <see cref="BotTelemetry.MeterName"/> meter (docs/operations.md, "Observability"). Plain
/// strings and numbers only, so every module can record without knowing another's types. Tags never carry people,
/// tokens or free text: channel, outcome, verdict, rule id, state, gate, status.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    private readonly Meter meter;
    private readonly Counter<long> turns;
    private readonly Counter<long> decisions;
    private readonly Counter<long> findings;
    private readonly Counter<long> promotions;
    private readonly Histogram<double> gateDuration;
    private readonly Counter<long> githubRequests;
    private readonly Counter<long> githubNotModified;
    private readonly Counter<long> posts;
    private long rateLimitRemaining = -1;

    public BotMetrics(IMeterFactory meters)
    {
        meter = meters.Create(BotTelemetry.MeterName);
        turns = meter.CreateCounter<long>("jobsheetqa.turns", "{turn}", "Inbound chat turns by channel and outcome (answered, duplicate, failed).");
        decisions = meter.CreateCounter<long>("jobsheetqa.decisions", "{decision}", "Policy decisions by verdict and kind (promote, dry-run, protection-rule).");
        findings = meter.CreateCounter<long>("jobsheetqa.decision.findings", "{finding}", "Rule findings of decisions by rule id and verdict.");
        promotions = meter.CreateCounter<long>("jobsheetqa.promotions", "{promotion}", "Promotions entering a state.");
        gateDuration = meter.CreateHistogram<double>("jobsheetqa.gate.duration", "s", "How long each gate of promotion.yml ran, by gate and outcome.");
        githubRequests = meter.CreateCounter<long>("jobsheetqa.github.requests", "{request}", "GitHub REST requests by method and status.");
        githubNotModified = meter.CreateCounter<long>("jobsheetqa.github.not_modified", "{request}", "GitHub conditional requests answered 304 (no rate limit spent).");
        posts = meter.CreateCounter<long>("jobsheetqa.outbound.posts", "{post}", "Posts into conversations by outcome (posted, retry-later, undeliverable …).");
        meter.CreateObservableGauge("jobsheetqa.github.rate_limit.remaining", () => Interlocked.Read(ref rateLimitRemaining) is var v and >= 0 ? [new Measurement<long>(v)] : Array.Empty<Measurement<long>>(),
            "{request}", "GitHub's x-ratelimit-remaining on the latest answer.");
    }

    /// <summary>The meter itself (a test listens to this host's instruments only).</summary>
    public Meter Meter => meter;

    /// <summary>Registers an observable gauge on the bot's meter (e.g. a channel's inbound queue depth).</summary>
    public void ObserveGauge(string name, Func<long> read, string description) =>
        meter.CreateObservableGauge(name, read, "{item}", description);

    public void Turn(string channel, string outcome) =>
        turns.Add(1, new("channel", channel), new("outcome", outcome));

    public void Decision(string kind, string verdict, IEnumerable<(string RuleId, string Verdict)> ruleFindings)
    {
        decisions.Add(1, new("kind", kind), new("verdict", verdict));
        foreach (var (ruleId, findingVerdict) in ruleFindings)
            findings.Add(1, new("rule_id", ruleId), new("verdict", findingVerdict));
    }

    public void Promotion(string state) => promotions.Add(1, new KeyValuePair<string, object?>("state", state));

    public void Gate(string gate, string outcome, TimeSpan duration) =>
        gateDuration.Record(duration.TotalSeconds, new("gate", gate), new("outcome", outcome));

    public void GitHubResponse(string method, int status, long? remaining)
    {
        githubRequests.Add(1, new("method", method), new("status", status));
        if (status == 304)
            githubNotModified.Add(1);
        if (remaining is { } left)
            Interlocked.Exchange(ref rateLimitRemaining, left);
    }

    public void Post(string kind, string outcome) => posts.Add(1, new("kind", kind), new("outcome", outcome));

    public void Dispose() => meter.Dispose();
}
