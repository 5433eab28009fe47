using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>
/// Runbook §5.2 with whatever the parity suite writes: a Parity Gate fails on the GitHub sandbox and the subscribed team
/// channel reads which metric regressed, by how much, for which run and commit, with a button that promotes again through
/// the policy; <c>parity</c> shows the same. Four shapes: this project's schema, another repository's flat/nested shape,
/// a shape read through policy.yaml's <c>parity:</c> mapping, and a report that cannot be read at all (then the gate's
/// annotations, else the end of its log).
/// </summary>
public sealed class ParityTriageTranscripts : IAsyncLifetime
{
    private const string Team = "release-ops";

    private TrackingBed bed = null!;
    private ChatTestHost? chat;

    private ChatTestHost Chat => chat ?? throw new InvalidOperationException("StartBot first");

    public async Task InitializeAsync() => bed = await TrackingBed.StartAsync(stepDelay: TimeSpan.FromMilliseconds(150));

    public async Task DisposeAsync()
    {
        if (chat is not null)
            await chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    [Fact]
    public async Task This_projects_own_schema_names_each_regressed_metric_with_its_margin_and_offers_to_promote_again()
    {
        await StartBotAsync();
        bed.Control.EnqueueScenario(Scenario.ParityFails());

        var (notice, id, head) = await PromoteUntilParityFailsAsync();

        Assert.Contains($"({id}, commit `{head[..7]}`", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Parity violations (runbook §5.2), `latest.json` against the thresholds (default pairing):", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- field_match_rate 0.912 < min 0.95 (short by 0.038)", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- document_match_rate 0.831 < min 0.9 (short by 0.069)", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- critical_field_mismatches 3 > max 0 (over by 3)", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- p95_latency_ms 9120 > max 8000 (over by 1120)", notice.Text, StringComparison.Ordinal);
        // Exactly at its minimum: within, not a violation.
        Assert.Contains("validation_agreement_rate 0.95 (min 0.95)", Line(notice.Text, "Within thresholds:"), StringComparison.Ordinal);
        Assert.DoesNotContain("- validation_agreement_rate", notice.Text, StringComparison.Ordinal);
        AssertReportLinks(notice.Text, head);
        AssertPromoteAgainButton(notice, "staging");

        // dana: parity — the same reading, on demand.
        var parity = await Chat.SayAsync("dana", "parity");
        Assert.StartsWith($"**Parity** of **promote staging** ({id}, commit `{head[..7]}`", parity, StringComparison.Ordinal);
        Assert.Contains("- field_match_rate 0.912 < min 0.95 (short by 0.038)", parity, StringComparison.Ordinal);
        Assert.Contains(head[..7], await Chat.SayAsync("dana", $"parity {head[..8]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_repositorys_flat_and_nested_shape_is_paired_by_the_default_rules_not_refused_by_our_schema()
    {
        await StartBotAsync();
        bed.Control.SetFile(RepositoryState.ThresholdsPath, """{"min_field_accuracy": 0.95, "min_defect_recall": 0.85, "max_failed": 19}""");
        bed.Control.EnqueueScenario(Scenario.ParityFails("""
            {"generated_at": "2026-12-01T02:00:00Z", "summary": {"total": 200, "passed": 181, "failed": 19},
             "metrics": {"field_accuracy": 0.91, "defect_recall": 0.83}}
            """u8.ToArray()));

        var (notice, _, head) = await PromoteUntilParityFailsAsync();

        Assert.Contains("- field_accuracy 0.91 < min 0.95 (short by 0.04)", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- defect_recall 0.83 < min 0.85 (short by 0.02)", notice.Text, StringComparison.Ordinal);
        Assert.Equal("Within thresholds: failed 19 (max 19)", Line(notice.Text, "Within thresholds:"));
        Assert.Equal("Not gated (no threshold): summary.total, summary.passed", Line(notice.Text, "Not gated"));
        Assert.DoesNotContain("unknown property", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("schema_version", notice.Text, StringComparison.Ordinal);
        AssertReportLinks(notice.Text, head);
        AssertPromoteAgainButton(notice, "staging");

        // dana: parity <run id> — by run.
        var runId = Assert.Single(bed.Control.ListRuns()).Id;
        var parity = await Chat.SayAsync("dana", $"parity {runId}");
        Assert.Contains("- defect_recall 0.83 < min 0.85 (short by 0.02)", parity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shape_only_policy_yaml_can_explain_is_read_through_its_parity_mapping()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory("jobsheetqa-parity-policy-").FullName, "policy.yaml");
        await File.WriteAllTextAsync(policy, await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "rules/policy.yaml")) + """

            parity:
              metrics:
                ocr_accuracy:
                  report: results.0.accuracy
                  threshold: gates.ocr_floor
                  direction: min
                p95:
                  report: /timing/p95.ms
                  threshold: 8000
                  direction: max
                recall:
                  report: results.0.recall
                  threshold: 0.8
                  direction: min

            """);
        await StartBotAsync(new Dictionary<string, string?> { ["Policy:File"] = policy });
        bed.Control.SetFile(RepositoryState.ThresholdsPath, """{"gates": {"ocr_floor": 0.9}}""");
        bed.Control.EnqueueScenario(Scenario.ParityFails("""
            {"suite": "golden", "results": [{"name": "ocr", "accuracy": 0.88}], "timing": {"p95.ms": 7000}, "documents": 120}
            """u8.ToArray()));

        var (notice, _, head) = await PromoteUntilParityFailsAsync();

        Assert.Contains("`latest.json` against the thresholds (policy.yaml parity mapping):", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- ocr_accuracy 0.88 < min 0.9 (short by 0.02)", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- recall missing from the report (min 0.8)", notice.Text, StringComparison.Ordinal);
        Assert.Equal("Within thresholds: p95 7000 (max 8000)", Line(notice.Text, "Within thresholds:"));
        Assert.DoesNotContain("Not gated", notice.Text, StringComparison.Ordinal);
        AssertReportLinks(notice.Text, head);
    }

    [Fact]
    public async Task An_unreadable_report_shows_the_gates_annotations_and_without_them_the_redacted_end_of_its_log()
    {
        await StartBotAsync();
        bed.Control.EnqueueScenario(new Scenario
        {
            FailAt = PromotionJobs.ParityGate,
            ParityReport = "<html><body>502 Bad Gateway</body></html>"u8.ToArray(),
            FailureAnnotations = ["field_accuracy 0.91 is below the floor 0.95", "defect_recall 0.83 is below the floor 0.85"],
        });

        var (annotated, _, head) = await PromoteUntilParityFailsAsync();

        Assert.Contains("The parity report could not be compared with the thresholds: latest.json is not valid JSON", annotated.Text, StringComparison.Ordinal);
        Assert.Contains("The Parity Gate job's annotations:\n- field_accuracy 0.91 is below the floor 0.95\n- defect_recall 0.83 is below the floor 0.85", annotated.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("job's log", annotated.Text, StringComparison.Ordinal);
        AssertReportLinks(annotated.Text, head);
        AssertPromoteAgainButton(annotated, "staging");

        // The same failure without a single ::error:: annotation: the end of the job's log, secrets masked.
        bed.Control.EnqueueScenario(new Scenario
        {
            FailAt = PromotionJobs.ParityGate,
            ParityReport = "<html><body>502 Bad Gateway</body></html>"u8.ToArray(),
            FailureAnnotations = [],
            FailureLog = ["Comparing 200 job sheets with golden/2026-11", "field_accuracy=0.91 floor=0.95 FAIL",
                "uploading with Authorization: Bearer abcdefghijklmnop0123", "GITHUB_TOKEN=ghs_0123456789abcdefghijABCDEFGHIJ"],
        });

        var (logged, _, _) = await PromoteUntilParityFailsAsync();

        Assert.Contains("The last ", logged.Text, StringComparison.Ordinal);
        Assert.Contains("lines of the Parity Gate job's log", logged.Text, StringComparison.Ordinal);
        Assert.Contains("field_accuracy=0.91 floor=0.95 FAIL\n", logged.Text, StringComparison.Ordinal);
        Assert.Contains("Error: Process completed with exit code 1.\n```", logged.Text, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", logged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnop0123", logged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_0123456789", logged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Post job cleanup", logged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("The Parity Gate job's annotations", logged.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parity_with_nothing_to_show_says_what_it_looked_for()
    {
        await StartBotAsync();
        const string Try = ". Try `parity <commit>` or `parity <run id>`.";

        Assert.Equal("No parity report to show: no promotion has reached the Parity Gate yet" + Try, await Chat.SayAsync("dana", "parity"));
        Assert.Equal("No parity report to show: no promotion of a commit starting `abcd12` has reached the Parity Gate" + Try, await Chat.SayAsync("dana", "parity ABCD12"));
        Assert.Equal("No parity report to show: `main~1` is neither a commit (4 to 40 hex digits) nor a run id (digits)" + Try, await Chat.SayAsync("dana", "parity main~1"));
        Assert.Equal("No parity report to show: there is no workflow run 987654321" + Try, await Chat.SayAsync("dana", "parity 987654321"));
    }

    private async Task StartBotAsync(Dictionary<string, string?>? more = null)
    {
        var settings = TranscriptStorage.Sqlite();
        foreach (var (key, value) in more ?? [])
            settings[key] = value;
        chat = ChatTestHost.Start(bed.Settings(settings));
        await Chat.SayAsync("sam", "subscribe", Team);
    }

    /// <summary>dana: promote staging — and waits for the Parity Gate failure notice in the team channel.</summary>
    private async Task<(TestChannelPost Notice, string Id, string Head)> PromoteUntilParityFailsAsync()
    {
        var head = bed.Control.Repository.Branches["main"];
        var dispatched = await Chat.SayAsync("dana", "promote staging");
        Assert.StartsWith("**Dispatched** promote staging", dispatched, StringComparison.Ordinal);
        var id = TranscriptTest.PromotionIdIn(dispatched);
        var notice = await Chat.Channel.WaitForMessageAsync(
            m => m.Text.Contains("**Parity Gate failed**", StringComparison.Ordinal) && m.Text.Contains($"({id},", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45), Team);
        // The outcome reaches the requester too, and frees staging for the next promotion.
        await Chat.Channel.WaitForMessageAsync(
            m => m.Text.Contains($"({id},", StringComparison.Ordinal) && m.Text.Contains("failed at **Parity Gate**", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45), "general");
        return (notice, id, head);
    }

    private static string Line(string text, string start) =>
        text.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));

    private void AssertReportLinks(string text, string head)
    {
        var run = bed.Control.ListRuns().MaxBy(r => r.Id)!;
        var report = Line(text, "Report:");
        Assert.Matches($@"^Report: \[promotion-parity-report\]\(http://[^)]+/actions/runs/{run.Id}/artifacts/\d+\) · \[run {run.Id}\]\(http://[^)]+\) · commit `{head[..7]}`$", report);
    }

    private static void AssertPromoteAgainButton(TestChannelPost notice, string environment)
    {
        var buttons = Assert.Single(notice.Reply.Blocks.OfType<ButtonsBlock>());
        var button = Assert.Single(buttons.Buttons);
        Assert.Equal($"promote {environment}", button.Command); // typed as a command: the policy judges the re-run
    }
}
