using System.Text.Json;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Channels.Support;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Rules.Decisions;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels;

/// <summary>
/// Issue #6: the runbook sequence of the promotion-flow transcripts, typed once into Slack (slash commands, app mentions,
/// a block_actions form submit) and once into Teams (signed activities), each against its own whole bot and sandbox.
/// Both must reach the same decisions: compared on what each bot stored (promotion row, audit trail) and what each
/// sandbox was asked to run, plus the key phrases each platform's double received.
/// </summary>
public sealed class ChannelParityTranscripts
{
    private const string Phrase = "I_ACCEPT_PARITY_SKIP";

    [Fact]
    public async Task Promote_staging_is_dispatched_with_the_same_inputs_on_both()
    {
        await using var both = await BothChannels.StartAsync();

        var answers = await both.EachAsync(c => c.CommandAsync("promote staging"));

        BothChannels.AssertSays(answers, "Dispatched", "promote staging");
        var decided = await both.EachAsync(c => DecidedAsync(c, "staging"));
        Assert.Equal(decided[0], decided[1]);
        Assert.Equal(PromotionState.Dispatched, decided[0].State);
        Assert.Equal(Verdict.Allow, decided[0].Verdict);
        Assert.Equal("skip_parity=false; skip_parity_acknowledgement=; target_environment=staging; use_nightly_parity=false", decided[0].RunInputs);
        Assert.True(decided[0].Tracked);
    }

    [Fact]
    public async Task A_staging_parity_skip_asks_refuses_the_wrong_case_and_dispatches_the_exact_phrase_on_both()
    {
        await using var both = await BothChannels.StartAsync();

        // promote staging skip parity → the acknowledgement is asked for, with a form.
        var prompts = await both.EachAsync(c => c.CommandAsync("promote staging skip parity"));
        BothChannels.AssertSays(prompts, "Needs acknowledgement", "REQ-SKIP-ACK", Phrase);
        Assert.All(prompts, p => Assert.StartsWith("ack:", p.FormId, StringComparison.Ordinal));
        var asked = await both.EachAsync(c => DecidedAsync(c, "staging"));
        Assert.Equal(asked[0], asked[1]);
        Assert.Equal(PromotionState.AwaitingAcknowledgement, asked[0].State);
        Assert.Equal(Verdict.RequireAcknowledgement, asked[0].Verdict);
        Assert.Contains("REQ-SKIP-ACK", asked[0].Findings, StringComparison.Ordinal);
        Assert.Equal("(no run)", asked[0].RunInputs);

        // The phrase in the wrong case, typed into the conversation → refused, the prompt stays open.
        var wrong = await both.EachAsync(c => c.TypeAsync(Phrase.ToLowerInvariant()));
        BothChannels.AssertSays(wrong, "Missing skip acknowledgement", "still open");
        var stillAsked = await both.EachAsync(c => DecidedAsync(c, "staging"));
        Assert.Equal(stillAsked[0], stillAsked[1]);
        Assert.Equal(asked[0], stillAsked[0]);

        // The exact phrase, submitted through the prompt's form → dispatched with skip_parity true.
        var accepted = await both.EachAsync(c => c.SubmitAsync(prompts[Array.IndexOf(both.Channels, c)], "phrase", Phrase));
        BothChannels.AssertSays(accepted, "Dispatched", "promote staging skip parity");
        var dispatched = await both.EachAsync(c => DecidedAsync(c, "staging"));
        Assert.Equal(dispatched[0], dispatched[1]);
        Assert.Equal(PromotionState.Dispatched, dispatched[0].State);
        Assert.True(dispatched[0].SkipParity);
        Assert.Equal($"skip_parity=true; skip_parity_acknowledgement={Phrase}; target_environment=staging; use_nightly_parity=false", dispatched[0].RunInputs);
    }

    [Fact]
    public async Task Production_is_refused_alike_and_why_production_gives_the_same_verdicts_on_both()
    {
        await using var both = await BothChannels.StartAsync();

        // promote production skip parity → refused before any acknowledgement is asked for.
        var skip = await both.EachAsync(c => c.CommandAsync("promote production skip parity"));
        BothChannels.AssertSays(skip, "Cannot skip parity for production", "REQ-NO-PROD-SKIP");
        Assert.All(skip, a => Assert.Null(a.FormId));
        var skipDecided = await both.EachAsync(c => DecidedAsync(c, "production"));
        Assert.Equal(skipDecided[0], skipDecided[1]);
        Assert.Equal(PromotionState.Refused, skipDecided[0].State);
        Assert.Equal(Verdict.Deny, skipDecided[0].Verdict);
        Assert.Contains("REQ-NO-PROD-SKIP", skipDecided[0].Findings, StringComparison.Ordinal);

        // promote production before any verified staging success → refused citing STAGE-FIRST.
        var production = await both.EachAsync(c => c.CommandAsync("promote production"));
        BothChannels.AssertSays(production, "STAGE-FIRST", "Deploy to staging first", "nothing was dispatched");
        var refused = await both.EachAsync(c => DecidedAsync(c, "production"));
        Assert.Equal(refused[0], refused[1]);
        Assert.Equal(PromotionState.Refused, refused[0].State);
        Assert.Contains("Deny STAGE-FIRST", refused[0].Findings, StringComparison.Ordinal);

        // why production → every rule's verdict, the same on both, and the same as the refusal's.
        var why = await both.EachAsync(c => c.CommandAsync("why production"));
        BothChannels.AssertSays(why, "STAGE-FIRST", "Dry run: nothing was dispatched");
        var explained = await both.EachAsync(DryRunDecisionAsync);
        Assert.Equal(explained[0], explained[1]);
        Assert.Equal($"Deny: {refused[0].Findings}", explained[0]);

        foreach (var channel in both.Channels)
            Assert.Empty(await channel.GitHub.RunsAsync());
    }

    [Fact]
    public async Task Each_platform_names_its_own_person_and_the_authorization_matrix_holds_alike()
    {
        // Dana is listed by her Slack user id and her Teams (Entra object) id; write windows belong to someone else.
        var policyFile = Path.Combine(Path.GetTempPath(), $"jobsheetqa-policy-{Guid.NewGuid():N}.yaml");
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
        var first = shipped.IndexOf("requesters: []", StringComparison.Ordinal);
        var second = shipped.IndexOf("requesters: []", first + 1, StringComparison.Ordinal);
        var dana = $"[\"slack:{SlackParityChannel.User}\", \"teams:{TestActivities.UserAadObjectId}\"]";
        await File.WriteAllTextAsync(policyFile, shipped[..first] + $"requesters: {dana}" + shipped[(first + "requesters: []".Length)..second]
            + "requesters: [\"slack:U0PAULA\"]" + shipped[(second + "requesters: []".Length)..]
            + "\nauthorization:\n  write_window_approvers: [\"slack:U0WENDY\", \"teams:00000000-0000-4000-8000-00000000e4d7\"]\n");
        try
        {
            await using var both = await BothChannels.StartAsync(new Dictionary<string, string?> { ["Policy:File"] = policyFile });

            var staging = await both.EachAsync(c => c.CommandAsync("promote staging"));
            BothChannels.AssertSays(staging, "Dispatched", "promote staging");

            var production = await both.EachAsync(c => c.CommandAsync("promote production"));
            BothChannels.AssertSays(production, "ACCESS", "nothing was dispatched");

            var window = await both.EachAsync(c => c.CommandAsync("write-window open production CHG-7 for 1h"));
            BothChannels.AssertSays(window, "Not allowed", "authorization.write_window_approvers", "Nothing changed");
            Assert.Contains($"`slack:{SlackParityChannel.User}`", window[0].Text, StringComparison.Ordinal);
            Assert.Contains($"`teams:{TestActivities.UserAadObjectId}`", window[1].Text, StringComparison.Ordinal);

            foreach (var channel in both.Channels)
            {
                var refusals = (await channel.Services.GetRequiredService<AuditLog>().ReadAsync()).Where(e => e.Action == "authorization.refused").ToList();
                Assert.Equal($"{channel.Name}:{(channel.Name == "slack" ? SlackParityChannel.User : TestActivities.UserAadObjectId)}", Assert.Single(refusals).Actor.Id);
                Assert.Empty(await channel.Services.GetRequiredService<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
                Assert.Equal(["staging"], (await channel.GitHub.RunsAsync()).Select(r => r.Inputs["target_environment"]));
            }
        }
        finally
        {
            File.Delete(policyFile);
        }
    }

    /// <summary>What a bot decided about its latest promotion to <paramref name="environment"/>, read from its storage and sandbox; no wording.</summary>
    private static async Task<Decided> DecidedAsync(IParityChannel channel, string environment)
    {
        var promotion = Assert.Single(await channel.Services.GetRequiredService<PromotionStore>().RecentAsync(environment, 1));
        var audit = await channel.Services.GetRequiredService<AuditLog>().ReadAsync(promotionId: promotion.Id);
        var run = (await channel.GitHub.RunsAsync()).SingleOrDefault(r => r.Inputs.GetValueOrDefault("correlation_id") == promotion.CorrelationId);
        return new Decided(
            promotion.State,
            promotion.DecisionVerdict,
            Findings(promotion.ReadDecision()?.Findings.Select(f => (f.RuleId, f.Outcome.ToString())) ?? []),
            promotion.SkipParity,
            string.Join(" → ", audit.Select(e => e.Action + (DecisionIn(e.Details) is { } d ? $" [{d}]" : ""))),
            run is null ? "(no run)" : string.Join("; ", run.Inputs.Where(i => i.Key != "correlation_id").OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value}")),
            channel.Tracking.Requests.Contains(promotion.Id));
    }

    /// <summary>The decision of the latest <c>why</c> / dry run the bot audited for production.</summary>
    private static async Task<string> DryRunDecisionAsync(IParityChannel channel)
    {
        var audit = await channel.Services.GetRequiredService<AuditLog>().ReadAsync(environment: "production");
        var dryRun = audit.Last(e => e.Action == "promotion.dry-run");
        return DecisionIn(dryRun.Details) ?? throw new InvalidOperationException($"No decision in {dryRun.Details}");
    }

    /// <summary>"Verdict: Outcome RULE, …" from an audit entry's decision details (<see cref="AuditDetails.ForDecision"/>), or null.</summary>
    private static string? DecisionIn(string? details)
    {
        if (string.IsNullOrEmpty(details))
            return null;
        using var json = JsonDocument.Parse(details);
        if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("verdict", out var verdict))
            return null;
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("outcome").ToString()));
        return $"{verdict}: {Findings(findings)}";
    }

    private static string Findings(IEnumerable<(string RuleId, string Outcome)> findings) =>
        string.Join(", ", findings.Select(f => $"{f.Outcome} {f.RuleId}").Order(StringComparer.Ordinal));

    /// <summary>A decision as stored: the promotion row, its audit trail (actions and decisions), the run inputs GitHub got, tracking asked.</summary>
    private sealed record Decided(PromotionState State, Verdict? Verdict, string Findings, bool SkipParity, string AuditTrail, string RunInputs, bool Tracked);

    /// <summary>The Slack bot and the Teams bot, driven in step.</summary>
    private sealed class BothChannels : IAsyncDisposable
    {
        private BothChannels(IParityChannel[] channels) => Channels = channels;

        public IParityChannel[] Channels { get; }

        public static async Task<BothChannels> StartAsync(IDictionary<string, string?>? settings = null)
        {
            var starting = new[] { Task.Run(() => SlackParityChannel.StartAsync(settings)), Task.Run(() => TeamsParityChannel.StartAsync(settings)) };
            try
            {
                return new BothChannels(await Task.WhenAll(starting));
            }
            catch
            {
                foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                    await started.Result.DisposeAsync();
                throw;
            }
        }

        public Task<T[]> EachAsync<T>(Func<IParityChannel, Task<T>> step) => Task.WhenAll(Channels.Select(step));

        public static void AssertSays(ChannelAnswer[] answers, params string[] phrases)
        {
            string[] names = ["slack", "teams"];
            for (var i = 0; i < answers.Length; i++)
            {
                foreach (var phrase in phrases)
                    Assert.True(answers[i].Text.Contains(phrase, StringComparison.Ordinal), $"{names[i]} was not told \"{phrase}\":\n{answers[i].Text}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var channel in Channels)
                await channel.DisposeAsync();
        }
    }
}
