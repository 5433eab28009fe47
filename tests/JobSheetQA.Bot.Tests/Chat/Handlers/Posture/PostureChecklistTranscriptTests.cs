using JobSheetQA.Bot.Chat.Handlers.Posture;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Handlers.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Posture;

public sealed class PostureChecklistTranscriptTests : TranscriptTests
{
    private static Dictionary<string, string> Answers(bool monitoring = true) => new()
    {
        ["purge"] = "true",
        ["scheduler"] = "true",
        ["database"] = "true",
        ["destructive"] = "true",
        ["monitoring"] = monitoring ? "true" : "false",
        ["note"] = "read-only DB user",
    };

    [Fact]
    public async Task The_prompt_asks_the_five_items_of_runbook_4_2_about_the_promotion()
    {
        var promotion = await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Succeeded);

        var prompt = PostureChecklistForm.Prompt(promotion);
        var text = PlainTextReplyRenderer.Render(prompt);

        Assert.Equal("posture-checklist:p-prod", Assert.Single(prompt.Blocks.OfType<FormBlock>()).FormId);
        Assert.Contains("**production promotion `p-prod` succeeded** (`9f2c4e1`). Runbook §3.2 step 4: verify the read-only posture.", text, StringComparison.Ordinal);
        Assert.Contains(
            "[ ] `ENABLE_PURGE_EXECUTION` is `false` or unset\n[ ] `ENABLE_SCHEDULER` is `false` or unset\n[ ] Database connection is read-only (if applicable)\n" +
            "[ ] No destructive operations are scheduled\n[ ] Monitoring alerts are configured\nNote (optional): ____\n[Record posture checklist]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_are_recorded_once_with_what_was_not_confirmed_and_audited()
    {
        await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Succeeded);

        var answer = await Chat.SubmitAsync("olga", PostureChecklistForm.FormId("p-prod"), Answers(monitoring: false));

        Assert.StartsWith("Posture checklist recorded for `p-prod` (production, `9f2c4e1`) by Olga:", answer, StringComparison.Ordinal);
        Assert.Contains("- ✓ `ENABLE_SCHEDULER` is `false` or unset", answer, StringComparison.Ordinal);
        Assert.Contains("- ✗ Monitoring alerts are configured", answer, StringComparison.Ordinal);
        Assert.Contains("Follow up: 1 item(s) not confirmed", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠", answer, StringComparison.Ordinal);
        var stored = await Chat.Get<PostureChecklistStore>().ForPromotionAsync("p-prod");
        Assert.NotNull(stored);
        Assert.Equal(("Olga", "test:olga", "read-only DB user"), (stored.RecordedBy, stored.RecordedById, stored.Note));
        Assert.False(stored.MonitoringAlertsConfigured);
        Assert.True(stored.DatabaseReadOnly);
        var audit = Assert.Single(await Chat.Get<AuditLog>().ReadAsync(promotionId: "p-prod"));
        Assert.Equal("posture-checklist.recorded", audit.Action);
        Assert.Contains("\"monitoring\":false", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_submission_does_not_overwrite_the_first()
    {
        await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Succeeded);
        await Chat.SubmitAsync("olga", PostureChecklistForm.FormId("p-prod"), Answers(monitoring: false));

        var again = await Chat.SubmitAsync("dana", PostureChecklistForm.FormId("p-prod"), Answers());

        Assert.StartsWith("The posture checklist for `p-prod` was already recorded by Olga at ", again, StringComparison.Ordinal);
        Assert.False((await Chat.Get<PostureChecklistStore>().ForPromotionAsync("p-prod"))!.MonitoringAlertsConfigured);
    }

    [Fact]
    public async Task A_ticked_flag_that_github_shows_enabled_is_called_out()
    {
        await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Succeeded);
        await Sandbox.SetVariableAsync("production", "ENABLE_SCHEDULER", "true");

        var answer = await Chat.SubmitAsync("olga", PostureChecklistForm.FormId("p-prod"), Answers());

        Assert.Contains("⚠ GitHub says `ENABLE_SCHEDULER` = `true` on production, although it was ticked as false or unset.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("`ENABLE_PURGE_EXECUTION` = ", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staging", PromotionState.Succeeded, "a staging promotion that is succeeded")]
    [InlineData("production", PromotionState.Failed, "a production promotion that is failed")]
    public async Task Only_a_successful_read_only_promotion_takes_a_checklist(string environment, PromotionState state, string expected)
    {
        await PromotionSeeds.AddAsync(Chat, "p-x", environment, state);

        var answer = await Chat.SubmitAsync("olga", PostureChecklistForm.FormId("p-x"), Answers());

        Assert.Contains($"Not recorded: the posture checklist is for a successful promotion to a read-only environment, and `p-x` is {expected}.", answer, StringComparison.Ordinal);
        Assert.Null(await Chat.Get<PostureChecklistStore>().ForPromotionAsync("p-x"));
    }

    [Fact]
    public async Task A_checklist_for_an_unknown_promotion_records_nothing()
    {
        var answer = await Chat.SubmitAsync("olga", PostureChecklistForm.FormId("p-nope"), Answers());

        Assert.Equal("That posture checklist is for a promotion I do not know. Nothing was recorded.", answer);
    }

    [Fact]
    public async Task Posture_shows_the_last_recorded_checklist()
    {
        await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Succeeded);
        await Chat.SubmitAsync("olga", PostureChecklistForm.FormId("p-prod"), Answers(monitoring: false));

        var answer = await Chat.SayAsync("dana", "posture");

        Assert.Contains("Last recorded checklist: 4/5 confirmed by Olga at ", answer, StringComparison.Ordinal);
        Assert.Contains("after `p-prod`.", answer, StringComparison.Ordinal);
    }
}
