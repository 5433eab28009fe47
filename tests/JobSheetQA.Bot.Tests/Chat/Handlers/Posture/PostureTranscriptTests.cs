using JobSheetQA.Bot.Tests.Chat.Handlers.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Posture;

public sealed class PostureTranscriptTests : TranscriptTests
{
    [Fact]
    public async Task Posture_shows_the_flags_and_the_read_only_checklist()
    {
        var answer = await Chat.SayAsync("dana", "posture");

        Assert.Contains("**production** is in its read-only posture: every posture flag is false or unset.", answer, StringComparison.Ordinal);
        Assert.Contains("ENABLE_PURGE_EXECUTION: false (read-only; from environment scope; default false: Prevents data deletion)", answer, StringComparison.Ordinal);
        Assert.Contains("ENABLE_SCHEDULER: false (read-only; from environment scope; default false: Prevents automated jobs)", answer, StringComparison.Ordinal);
        Assert.Contains("- `ENABLE_PURGE_EXECUTION`: environment `false`, repository unset, organisation unset → the deploy job reads `false`", answer, StringComparison.Ordinal);
        Assert.Contains(
            "Read-only posture checklist (runbook §4.2):\n" +
            "- [x] `ENABLE_PURGE_EXECUTION` is `false` or unset\n" +
            "- [x] `ENABLE_SCHEDULER` is `false` or unset\n" +
            "- [?] Database connection is read-only (if applicable): check by hand\n" +
            "- [?] No destructive operations are scheduled: check by hand\n" +
            "- [?] Monitoring alerts are configured: check by hand", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enabled_flag_without_a_write_window_is_called_out()
    {
        await Sandbox.SetVariableAsync("production", "ENABLE_SCHEDULER", "true");
        await Sandbox.RemoveVariableAsync("production", "ENABLE_PURGE_EXECUTION");

        var answer = await Chat.SayAsync("dana", "posture production");

        Assert.Contains("**production** is NOT read-only: `ENABLE_SCHEDULER` enabled and no write window is open.", answer, StringComparison.Ordinal);
        Assert.Contains("ENABLE_SCHEDULER: true (enabled;", answer, StringComparison.Ordinal);
        Assert.Contains("ENABLE_PURGE_EXECUTION: unset (read-only;", answer, StringComparison.Ordinal);
        Assert.Contains("- [ ] `ENABLE_SCHEDULER` is `false` or unset", answer, StringComparison.Ordinal);
        Assert.Contains("- [x] `ENABLE_PURGE_EXECUTION` is `false` or unset", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_write_window_is_shown_with_the_flag_it_covers()
    {
        await Chat.SayAsync("wendy", "write-window open production CHG-77 for 1h");
        await Sandbox.SetVariableAsync("production", "ENABLE_PURGE_EXECUTION", "TRUE");

        var answer = await Chat.SayAsync("dana", "posture");

        Assert.Contains("**production** has `ENABLE_PURGE_EXECUTION` enabled under write window CHG-77 (until ", answer, StringComparison.Ordinal);
        Assert.Contains("Write window: CHG-77 by Wendy, open until ", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staging_has_no_read_only_posture_and_an_unknown_environment_gets_did_you_mean()
    {
        var staging = await Chat.SayAsync("dana", "posture staging");
        var typo = await Chat.SayAsync("dana", "posture prod");

        Assert.StartsWith("**staging** has no read-only posture in the policy; the flags are shown for information.", staging, StringComparison.Ordinal);
        Assert.Equal("Unknown environment `prod`: the policy has `staging` and `production`. Did you mean `posture production`?", typo);
    }

    [Fact]
    public async Task A_github_failure_is_a_clear_reply_not_an_exception()
    {
        await Sandbox.FailAlwaysAsync("/environments/production/variables");

        var answer = await Chat.SayAsync("dana", "posture");

        Assert.StartsWith("I could not read the posture flags of production: GitHub answered \"token lacks", answer, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed; try again in a moment.", answer, StringComparison.Ordinal);
    }
}
