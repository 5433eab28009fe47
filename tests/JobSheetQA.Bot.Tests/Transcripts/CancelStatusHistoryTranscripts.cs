using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Transcripts.Support;

namespace JobSheetQA.Bot.Tests.Transcripts;

public sealed class CancelStatusHistoryTranscripts : TranscriptTest
{
    [Fact]
    public async Task Cancel_before_dispatch_cancels_the_promotion_and_its_acknowledgement_and_frees_the_environment()
    {
        var id = PromotionIdIn(await Chat.SayAsync("dana", "promote staging skip parity"));

        var bot = await Chat.SayAsync("dana", "cancel");

        Assert.Equal($"**Cancelled** promotion `{id}` (promote staging skip parity). Nothing was dispatched; staging is free.", bot);
        Assert.Equal(PromotionState.Cancelled, (await PromotionAsync(id)).State);
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("staging"));
        var phrase = await Chat.SayAsync("dana", "I_ACCEPT_PARITY_SKIP");
        Assert.StartsWith("There is no acknowledgement waiting for you", phrase, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task Cancel_after_dispatch_cancels_the_workflow_run_on_GitHub()
    {
        var id = PromotionIdIn(await Chat.SayAsync("dana", "promote staging"));
        var runId = (await PromotionAsync(id)).RunId!.Value;

        var bot = await Chat.SayAsync("dana", $"cancel {id}");

        Assert.StartsWith($"**Cancelling** promotion `{id}`: GitHub is stopping [run {runId}]", bot, StringComparison.Ordinal);
        var run = await GitHub.RunAsync(runId);
        Assert.Equal("completed", run.Status);
        Assert.Equal("cancelled", run.Conclusion);
        Assert.Contains("promotion.cancel-requested", (await Chat.Get<AuditLog>().ReadAsync(promotionId: id)).Select(a => a.Action));
        Assert.Equal([id, id], Tracking.Requests);
    }

    [Fact]
    public async Task Only_the_requester_can_cancel_and_nothing_in_flight_is_said_plainly()
    {
        var id = PromotionIdIn(await Chat.SayAsync("dana", "promote staging skip parity"));

        Assert.Equal(
            $"Only Dana, who requested promotion `{id}`, or a listed canceler can cancel it. policy.yaml's `authorization.cancelers` names nobody: "
            + "ask whoever maintains policy.yaml to add `test:erin` there. Nothing changed.",
            await Chat.SayAsync("erin", $"cancel {id}"));
        Assert.Equal("You have no promotion in flight to cancel (`status` shows who holds each environment).", await Chat.SayAsync("erin", "cancel"));
        Assert.Equal("There is no promotion `zzzzzzzz`.", await Chat.SayAsync("dana", "cancel zzzzzzzz"));
        Assert.Equal(PromotionState.AwaitingAcknowledgement, (await PromotionAsync(id)).State);
    }

    [Fact]
    public async Task Status_shows_who_holds_each_environment_with_gates_and_links()
    {
        Assert.Equal("**staging**: free\n- no promotions yet\n**production**: free\n- no promotions yet", await Chat.SayAsync("dana", "status"));
        var id = PromotionIdIn(await Chat.SayAsync("dana", "promote staging"));
        var promotion = await PromotionAsync(id);

        var all = await Chat.SayAsync("erin", "status");
        var staging = await Chat.SayAsync("erin", "status STAGING");
        var one = await Chat.SayAsync("erin", $"status {id}");

        Assert.Matches($"^\\*\\*staging\\*\\*: held by Dana since \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(promotion `{id}`\\)\n", all);
        Assert.Contains($"- `{id}` promote staging · dispatched · `{promotion.CommitSha[..7]}` · Dana · ", all, StringComparison.Ordinal);
        Assert.Contains($"[run {promotion.RunId}]({promotion.RunUrl})", all, StringComparison.Ordinal);
        Assert.Contains("- gates: Validate Request ○ · CI Gate ○ · Policy Gate ○ · Rehearsal Gate ○ · Parity Gate ○ · Deploy ○", all, StringComparison.Ordinal);
        Assert.Contains("**production**: free", all, StringComparison.Ordinal);
        Assert.DoesNotContain("production", staging, StringComparison.Ordinal);
        Assert.Contains($"promote staging · {promotion.CommitSha[..7]} · Dana · {id} — dispatched", one, StringComparison.Ordinal);
        Assert.Contains("· Parity Gate: pending", one, StringComparison.Ordinal);
        Assert.Contains($"run: {promotion.RunUrl}", one, StringComparison.Ordinal);
        Assert.Contains("state: dispatched", one, StringComparison.Ordinal);
        Assert.Equal("There is no environment or promotion called `nope`. Environments: staging, production.", await Chat.SayAsync("dana", "status nope"));
    }

    [Fact]
    public async Task History_lists_recent_promotions_newest_first_with_outcome_commit_requester_and_run()
    {
        Assert.Equal("No promotions to any environment yet.", await Chat.SayAsync("dana", "history"));
        var refused = PromotionIdIn(await Chat.SayAsync("dana", "promote production"));
        var dispatched = PromotionIdIn(await Chat.SayAsync("erin", "promote staging"));
        var promotion = await PromotionAsync(dispatched);

        var all = await Chat.SayAsync("dana", "history");
        var production = await Chat.SayAsync("dana", "history production");

        var lines = all.Split('\n');
        Assert.Equal("**History** (any environment, newest first):", lines[0]);
        Assert.StartsWith($"- `{dispatched}` promote staging · dispatched · `{promotion.CommitSha[..7]}` · Erin · ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"[run {promotion.RunId}]({promotion.RunUrl})", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"- `{refused}` promote production · refused (STAGE-FIRST) · ", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(dispatched, production, StringComparison.Ordinal);
        Assert.Contains(refused, production, StringComparison.Ordinal);
        Assert.Equal("There is no environment `qa`. Environments: staging, production.", await Chat.SayAsync("dana", "history qa"));
    }
}
