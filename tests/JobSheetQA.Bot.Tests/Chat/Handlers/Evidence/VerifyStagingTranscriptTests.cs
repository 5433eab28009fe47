using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Handlers.Evidence;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Handlers.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Evidence;

public sealed class VerifyStagingTranscriptTests : TranscriptTests
{
    private const string Sha = SandboxRemote.DefaultHeadSha;
    private static readonly string FormId = $"verify:staging:{Sha}";

    private static Dictionary<string, string> AllTicked(string? note = null)
    {
        var values = new Dictionary<string, string> { ["health"] = "true", ["smoke"] = "true", ["functionality"] = "true" };
        if (note is not null)
            values["note"] = note;
        return values;
    }

    [Fact]
    public async Task Without_a_successful_staging_promotion_there_is_nothing_to_verify()
    {
        await PromotionSeeds.AddAsync(Chat, "p-fail", "staging", PromotionState.Failed);

        var answer = await Chat.SayAsync("dana", "verify staging");

        Assert.Equal("Nothing to verify: no promotion to staging has succeeded yet. `promote staging` first, then `verify staging` once all gates pass.", answer);
    }

    [Fact]
    public async Task Verify_staging_asks_the_checklist_about_the_commit_deployed_to_staging()
    {
        await PromotionSeeds.AddAsync(Chat, "p-old", "staging", PromotionState.Succeeded, commitSha: "1111111aaaaaaaa", at: DateTimeOffset.UtcNow.AddHours(-3));
        await PromotionSeeds.AddAsync(Chat, "p-new", "staging", PromotionState.Succeeded, at: DateTimeOffset.UtcNow.AddHours(-1));
        await PromotionSeeds.AddAsync(Chat, "p-broken", "staging", PromotionState.Failed, commitSha: "2222222bbbbbbbb");

        var result = await Chat.SendAsync(new(Chat.NextInboundId(), ChatTestHost.Conversation("general"), ChatTestHost.User("dana"), "verify staging"));
        var answer = ChatTestHost.Render(result);

        Assert.Contains("**Verify staging**: commit `9f2c4e1` is deployed there (promotion `p-new`).", answer, StringComparison.Ordinal);
        Assert.Contains($"Commit: {Sha}", answer, StringComparison.Ordinal);
        Assert.Contains("[ ] Application health checked\n[ ] Smoke tests run and passed\n[ ] Key functionality verified\nNote (optional): ____\n[Record verification]", answer, StringComparison.Ordinal);
        var form = Assert.Single(result.Replies.SelectMany(r => r.Blocks).OfType<JobSheetQA.Bot.Chat.Replies.FormBlock>());
        Assert.Equal(FormId, form.FormId);
    }

    [Fact]
    public async Task Only_staging_is_verified_in_chat()
    {
        var answer = await Chat.SayAsync("dana", "verify production");

        Assert.StartsWith("`verify production` is not a thing: verification is recorded for `staging`", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checklist_with_a_check_missing_says_which_and_records_nothing()
    {
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Succeeded);

        var answer = await Chat.SubmitAsync("dana", FormId, new Dictionary<string, string> { ["health"] = "true", ["smoke"] = "false", ["functionality"] = "false" });

        Assert.StartsWith("Not recorded: all three checks must be ticked (runbook §3.1 step 3). Missing: smoke tests and key functionality.", answer, StringComparison.Ordinal);
        Assert.Contains("[Record verification]", answer, StringComparison.Ordinal);
        Assert.Empty(await Chat.Get<StagingVerificationStore>().ForCommitAsync(Sha));
        Assert.DoesNotContain(await Chat.Get<AuditLog>().ReadAsync(), e => e.Action == "staging-verification.recorded");
    }

    [Fact]
    public async Task A_complete_checklist_is_recorded_for_that_commit_by_the_submitter_and_audited()
    {
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Succeeded);

        var answer = await Chat.SubmitAsync("vera", FormId, AllTicked("  smoke run 1432 green  "));

        Assert.StartsWith("Verification recorded for `9f2c4e1` on staging by Vera: application health ✓, smoke tests ✓, key functionality ✓.", answer, StringComparison.Ordinal);
        Assert.Contains("[Check production: why production]", answer, StringComparison.Ordinal);
        var recorded = Assert.Single(await Chat.Get<StagingVerificationStore>().ForCommitAsync(Sha));
        Assert.Equal(("staging", "Vera", "smoke run 1432 green"), (recorded.Environment, recorded.VerifiedBy, recorded.Note));
        Assert.True(recorded.IsComplete);
        var audit = Assert.Single(await Chat.Get<AuditLog>().ReadAsync(), e => e.Action == "staging-verification.recorded");
        Assert.Equal(("Vera", "test:vera", "staging"), (audit.Actor.Name, audit.Actor.Id, audit.Environment));
        Assert.Equal("test:vera", recorded.VerifiedById);
        Assert.Contains("\"by\":\"test:vera\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_for_a_commit_that_never_reached_staging_records_nothing()
    {
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Failed, commitSha: "deadbeefcafe");

        var answer = await Chat.SubmitAsync("dana", "verify:staging:deadbeefcafe", AllTicked());

        Assert.StartsWith("Not recorded: `deadbee` has no successful staging promotion", answer, StringComparison.Ordinal);
        Assert.Empty(await Chat.Get<StagingVerificationStore>().ForCommitAsync("deadbeefcafe"));
    }

    [Fact]
    public async Task The_recorded_verification_is_what_production_stage_first_reads()
    {
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Succeeded);

        var before = await DecideProductionAsync();
        await Chat.SubmitAsync("vera", FormId, AllTicked());
        var after = await DecideProductionAsync();

        Assert.Contains(before.Denials, f => f.RuleId == "STAGE-FIRST" && f.Message.StartsWith("Confirm staging verification first", StringComparison.Ordinal));
        Assert.Equal(RuleVerdict.Pass, after.VerdictOf("STAGE-FIRST"));
    }

    private async Task<Decision> DecideProductionAsync()
    {
        var gathered = await Chat.Get<PromotionFactsGatherer>().GatherAsync(
            new PromotionAsk("p-check", "production", null, false, false, null, ChatTestHost.User("dana")));
        Assert.True(gathered.Succeeded, gathered.Error?.Message);
        return Chat.Get<PolicyEngine>().Decide(gathered.Facts);
    }
}
