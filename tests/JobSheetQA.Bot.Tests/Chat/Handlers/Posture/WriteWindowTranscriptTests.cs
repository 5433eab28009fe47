using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Handlers.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Posture;

public sealed class WriteWindowTranscriptTests : TranscriptTests
{
    [Fact]
    public async Task Opening_records_the_change_request_requester_and_end_within_policy_limits()
    {
        var before = DateTimeOffset.UtcNow;

        var answer = await Chat.SayAsync("wendy", "write-window open production CHG-1234 for 2h", conversationId: "ops-room");

        Assert.StartsWith("Write window **open** on production for CHG-1234 until ", answer, StringComparison.Ordinal);
        Assert.Contains("Change request: CHG-1234\nOpened by: Wendy", answer, StringComparison.Ordinal);
        Assert.Contains("Runbook §4.3: update `ENABLE_PURGE_EXECUTION` and `ENABLE_SCHEDULER` explicitly", answer, StringComparison.Ordinal);
        Assert.Contains("[Close window: write-window close production]", answer, StringComparison.Ordinal);
        var window = Assert.Single(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
        Assert.Equal(("CHG-1234", "Wendy"), (window.ChangeRequest, window.OpenedBy));
        Assert.InRange(window.EndsAt - window.OpenedAt, TimeSpan.FromHours(2), TimeSpan.FromHours(2));
        Assert.InRange(window.OpenedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var audit = Assert.Single(await Chat.Get<AuditLog>().ReadAsync(environment: "production"));
        Assert.Equal(("write-window.opened", "Wendy", "test:wendy"), (audit.Action, audit.Actor.Name, audit.Actor.Id));
        Assert.Contains("\"changeRequest\":\"CHG-1234\"", audit.Details, StringComparison.Ordinal);

        // The watch job posts its reminder and end check back where the window was opened.
        await using var db = await Chat.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var row = await db.WriteWindows.SingleAsync();
        var room = await Chat.Get<ConversationStore>().FindReferenceAsync(TestChannel.Name, "ops-room");
        Assert.Equal(room!.Id, row.ConversationReferenceId);
    }

    [Theory]
    [InlineData("write-window open production change-me for 2h", "- WRITE-WINDOW (runbook §4.3): \"change-me\" is not a change request id")]
    [InlineData("write-window open production CHG-1 for 5h", "- WRITE-WINDOW (runbook §4.3): A write window of 5h is outside the allowed 15m to 4h")]
    [InlineData("write-window open staging CHG-1 for 1h", "- WRITE-WINDOW (runbook §4.3): staging has no read-only posture, so there is nothing for a write window to open")]
    public async Task A_window_outside_the_policy_is_refused_citing_the_rule_and_nothing_is_recorded(string said, string expected)
    {
        var answer = await Chat.SayAsync("wendy", said);

        Assert.StartsWith("Write window refused for ", answer, StringComparison.Ordinal);
        Assert.Contains(expected, answer, StringComparison.Ordinal);
        await using var db = await Chat.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.WriteWindows.CountAsync());
        Assert.Contains(await Chat.Get<AuditLog>().ReadAsync(), e => e.Action == "write-window.refused" && e.Details!.Contains("WRITE-WINDOW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_window_while_one_is_open_is_refused()
    {
        await Chat.SayAsync("wendy", "write-window open production CHG-1 for 1h");

        var answer = await Chat.SayAsync("dana", "write-window open production CHG-2 for 30m");

        Assert.Contains("A write window is already open on production: CHG-1 by Wendy until ", answer, StringComparison.Ordinal);
        Assert.Single(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Racing_opens_leave_exactly_one_window()
    {
        var start = new TaskCompletionSource();
        var racers = Enumerable.Range(1, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Chat.SayAsync($"user{i}", $"write-window open production CHG-{i} for 1h", conversationId: $"room-{i}");
        })).ToList();

        start.SetResult();
        var answers = await Task.WhenAll(racers);

        Assert.Single(answers, a => a.StartsWith("Write window **open**", StringComparison.Ordinal));
        Assert.All(answers.Where(a => !a.StartsWith("Write window **open**", StringComparison.Ordinal)),
            a => Assert.StartsWith("Write window refused for production", a, StringComparison.Ordinal));
        Assert.Single(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_malformed_duration_gets_the_usage()
    {
        var answer = await Chat.SayAsync("wendy", "write-window open production CHG-1 for two-hours");

        Assert.Contains("Usage: write-window open production <CR-id> for <duration>", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_ends_the_window_and_says_whether_production_is_read_only_again()
    {
        await Chat.SayAsync("wendy", "write-window open production CHG-1234 for 2h");

        var answer = await Chat.SayAsync("dana", "write-window close production");

        Assert.StartsWith("Write window for CHG-1234 on production (opened by Wendy, due to end ", answer, StringComparison.Ordinal);
        Assert.Contains(") closed by Dana.", answer, StringComparison.Ordinal);
        Assert.Contains("✓ `ENABLE_PURGE_EXECUTION` and `ENABLE_SCHEDULER` are false or unset: production is back to read-only.", answer, StringComparison.Ordinal);
        Assert.Empty(await Chat.Get<WriteWindowStore>().CurrentAsync("production", DateTimeOffset.UtcNow));
        Assert.Contains(await Chat.Get<AuditLog>().ReadAsync(), e => e.Action == "write-window.closed" && e.Actor == new Actor("test:dana", "Dana"));
    }

    [Fact]
    public async Task Closing_while_a_flag_is_still_on_says_to_revert_it()
    {
        await Chat.SayAsync("wendy", "write-window open production CHG-1234 for 2h");
        await Sandbox.SetVariableAsync("production", "ENABLE_PURGE_EXECUTION", "true");

        var answer = await Chat.SayAsync("wendy", "write-window close production");

        Assert.Contains("⚠ Still enabled: `ENABLE_PURGE_EXECUTION` = `true`. Revert to read-only (runbook §4.3 step 4)", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_when_none_is_open_changes_nothing()
    {
        var answer = await Chat.SayAsync("dana", "write-window close production");

        Assert.Equal("No write window is open on production; nothing to close.", answer);
        Assert.DoesNotContain(await Chat.Get<AuditLog>().ReadAsync(), e => e.Action == "write-window.closed");
    }

    [Fact]
    public async Task The_posture_rules_honour_an_open_window_and_deny_again_once_it_is_closed()
    {
        await Sandbox.SetVariableAsync("production", "ENABLE_SCHEDULER", "true");

        var without = await DecideProductionAsync();
        await Chat.SayAsync("wendy", "write-window open production CHG-9 for 1h");
        var within = await DecideProductionAsync();
        await Chat.SayAsync("wendy", "write-window close production");
        var after = await DecideProductionAsync();

        Assert.Equal(RuleVerdict.Deny, without.VerdictOf("POSTURE-SCHED"));
        Assert.Equal(RuleVerdict.Warn, within.VerdictOf("POSTURE-SCHED"));
        Assert.Contains(within.Warnings, f => f.RuleId == "POSTURE-SCHED" && f.Message.Contains("CHG-9", StringComparison.Ordinal));
        Assert.Equal(RuleVerdict.Deny, after.VerdictOf("POSTURE-SCHED"));
    }

    private async Task<Decision> DecideProductionAsync()
    {
        var gathered = await Chat.Get<PromotionFactsGatherer>().GatherAsync(
            new PromotionAsk("p-check", "production", null, false, false, null, ChatTestHost.User("dana")));
        Assert.True(gathered.Succeeded, gathered.Error?.Message);
        return Chat.Get<PolicyEngine>().Decide(gathered.Facts);
    }
}
