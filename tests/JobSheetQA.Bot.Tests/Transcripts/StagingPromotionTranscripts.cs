using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.Rules.Catalogue;

namespace JobSheetQA.Bot.Tests.Transcripts;

public sealed class StagingPromotionTranscripts : TranscriptTest
{
    [Fact]
    public async Task Promote_staging_dispatches_promotion_yml_with_the_runbook_inputs_and_starts_tracking()
    {
        var head = await GitHub.BranchHeadAsync();

        // dana: promote staging
        var bot = await Chat.SayAsync("dana", "promote staging");

        Assert.StartsWith("**Dispatched** promote staging at `" + head[..7] + "`", bot, StringComparison.Ordinal);
        Assert.Contains("Run: [", bot, StringComparison.Ordinal);
        var id = PromotionIdIn(bot);
        var run = Assert.Single(await GitHub.RunsAsync());
        Assert.Equal("main", run.Ref);
        Assert.Equal(head, run.HeadSha);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["target_environment"] = "staging",
                ["use_nightly_parity"] = "false",
                ["skip_parity"] = "false",
                ["skip_parity_acknowledgement"] = "",
                ["correlation_id"] = id,
            },
            run.Inputs);

        var promotion = await PromotionAsync(id);
        Assert.Equal(PromotionState.Dispatched, promotion.State);
        Assert.Equal(run.Id, promotion.RunId);
        Assert.Equal(head, promotion.CommitSha);
        Assert.NotNull(promotion.ConversationReferenceId);
        Assert.Equal([id], Tracking.Requests);
        Assert.Equal(id, (await Chat.Get<PromotionLocks>().GetAsync("staging"))!.PromotionId);

        var audit = await Chat.Get<AuditLog>().ReadAsync(promotionId: id);
        Assert.Equal(["promotion.requested", "promotion.evaluated", "promotion.dispatched"], audit.Select(a => a.Action));
        Assert.Contains("\"evaluated\":[", audit[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_lists_every_rule_with_its_verdict_and_dispatches_nothing()
    {
        var bot = await Chat.SayAsync("dana", "promote staging --dry-run");

        Assert.StartsWith("Dry run — would be allowed: promote staging from main", bot, StringComparison.Ordinal);
        foreach (var rule in RuleCatalogue.InSets(RuleSets.Promotion))
            Assert.Matches($"(?m)^(PASS|DENY|ACK |WARN) {rule.Id} \\(", bot);
        Assert.Contains("PASS REQ-BRANCH (runbook §2.3)", bot, StringComparison.Ordinal);
        Assert.Contains("WARN ACCESS (bot policy)", bot, StringComparison.Ordinal);
        Assert.EndsWith("Dry run: nothing was dispatched.", bot, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
        Assert.Empty(await Chat.Get<PromotionStore>().RecentAsync(null, 10));
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("staging"));
    }

    [Fact]
    public async Task Why_production_explains_the_refusal_rule_by_rule_without_dispatching()
    {
        var bot = await Chat.SayAsync("dana", "why production");

        Assert.StartsWith("Dry run — would be denied: promote production", bot, StringComparison.Ordinal);
        Assert.Contains("DENY STAGE-FIRST (runbook §3)", bot, StringComparison.Ordinal);
        Assert.Contains("PASS REQ-NO-PROD-SKIP", bot, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task A_GitHub_error_while_gathering_facts_is_a_clear_refusal_and_nothing_is_dispatched()
    {
        await GitHub.AddFaultAsync(new { path = "/(git/refs?/heads|branches)/main", kind = "forbidden", count = 0 });

        var bot = await Chat.SayAsync("dana", "promote staging");

        Assert.StartsWith("**Cannot decide**: I could not read what the policy needs from GitHub:", bot, StringComparison.Ordinal);
        Assert.Contains("Nothing was dispatched", bot, StringComparison.Ordinal);
        var promotion = await PromotionAsync(PromotionIdIn(bot));
        Assert.Equal(PromotionState.Refused, promotion.State);
        Assert.Empty(await GitHub.RunsAsync());
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("staging"));
        Assert.Empty(Tracking.Requests);
    }

    [Fact]
    public async Task A_dispatch_GitHub_refuses_fails_the_promotion_says_why_and_frees_the_environment()
    {
        await GitHub.AddFaultAsync(new { path = "/dispatches$", method = "POST", kind = "forbidden", count = 0 });

        var bot = await Chat.SayAsync("dana", "promote staging");

        Assert.StartsWith("**Dispatch failed**: GitHub refused to run `promotion.yml` for promote staging", bot, StringComparison.Ordinal);
        var promotion = await PromotionAsync(PromotionIdIn(bot));
        Assert.Equal(PromotionState.Failed, promotion.State);
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("staging"));
        Assert.Empty(await GitHub.RunsAsync());
        Assert.Empty(Tracking.Requests);
    }

    [Fact]
    public async Task An_unknown_environment_is_refused_citing_REQ_ENV()
    {
        var bot = await Chat.SayAsync("dana", "promote qa");

        Assert.StartsWith("Denied: promote qa from main", bot, StringComparison.Ordinal);
        Assert.Contains("DENY REQ-ENV (runbook §2.1)", bot, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("qa"));
    }

    [Fact]
    public async Task A_repeated_inbound_message_promotes_once()
    {
        var message = new ChatMessage("teams-activity-42", ChatTestHost.Conversation("general"), ChatTestHost.User("dana"), "promote staging");

        var first = await Chat.SendAsync(message);
        var repeat = await Chat.SendAsync(message);

        Assert.Contains("**Dispatched**", ChatTestHost.Render(first), StringComparison.Ordinal);
        Assert.True(repeat.WasDuplicate);
        Assert.Single(await GitHub.RunsAsync());
        Assert.Single(await Chat.Get<PromotionStore>().RecentAsync(null, 10));
    }
}
