using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Handlers.Posture;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Evidence.Readiness;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Handlers.Support;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Evidence;

public sealed class ReadinessTranscriptTests : TranscriptTests
{
    private const string Sha = SandboxRemote.DefaultHeadSha;

    [Fact]
    public async Task Before_any_promotion_the_pack_shows_head_defaults_and_what_is_missing()
    {
        var replies = await SayAsync("readiness");

        Assert.Equal(2, replies.Count);
        var summary = replies[0];
        Assert.Contains("**Deployment Readiness Pack** for `contoso/job-sheet-qa-auditor` at ", summary, StringComparison.Ordinal);
        Assert.Contains($"HEAD: main @ {Sha}", summary, StringComparison.Ordinal);
        Assert.Contains("latest staging: none yet", summary, StringComparison.Ordinal);
        Assert.Contains("production ENABLE_SCHEDULER: false", summary, StringComparison.Ordinal);
        Assert.Contains("- [ ] staging promotion of HEAD `9f2c4e1` passed every gate (runbook §3.1 step 2): no clean staging promotion of `9f2c4e1` yet (`promote staging`)", summary, StringComparison.Ordinal);
        Assert.Contains("- [ ] staging verification of `9f2c4e1` recorded: application health, smoke tests, key functionality (runbook §3.1 steps 3–4, §3.2 step 1): none recorded (`verify staging`)", summary, StringComparison.Ordinal);
        Assert.Contains("- [x] production read-only posture: `ENABLE_PURGE_EXECUTION` and `ENABLE_SCHEDULER` false or unset (runbook §4.1–4.2): all false or unset", summary, StringComparison.Ordinal);
        Assert.Contains("read-only posture checklist answered before the production dispatch (rule POSTURE-CHECKLIST)", summary, StringComparison.Ordinal);
        Assert.Contains(": 1 of 7 requirements met.", summary, StringComparison.Ordinal);

        var markdown = replies[1];
        Assert.StartsWith("Markdown for `docs/evidence/DEPLOYMENT_READINESS_PACK.md`:\n```markdown\n# Deployment Readiness Pack\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("| Approver | | | |\n```", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_has_head_gate_status_config_defaults_and_sign_off()
    {
        await PromotionSeeds.AddAsync(Chat, "p-stg", "staging", PromotionState.Succeeded, requester: "dana");
        await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Failed, requester: "erin");
        await Chat.SubmitAsync("vera", $"verify:staging:{Sha}", new Dictionary<string, string> { ["health"] = "true", ["smoke"] = "true", ["functionality"] = "true" });
        await Sandbox.SetVariableAsync("production", "ENABLE_SCHEDULER", "true");

        var pack = await Chat.Get<ReadinessPackBuilder>().BuildAsync(DateTimeOffset.UtcNow);
        Assert.True(pack.Succeeded, pack.Error?.Message);
        var markdown = ReadinessMarkdown.Render(pack.Value);

        Assert.Contains($"## Current HEAD SHA\n\n`main` → `{Sha}`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Gate | staging | production |\n|---|---|---|\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Promotion | `p-stg` succeeded (`9f2c4e1`, HEAD) by Dana | `p-prod` failed (`9f2c4e1`, HEAD) by Erin |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Rehearsal Gate | passed | passed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Parity Gate | passed | failed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Deploy | passed | skipped |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Run | [run](https://github.example/contoso/job-sheet-qa-auditor/actions/runs/p-stg) |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Config defaults", markdown, StringComparison.Ordinal);
        Assert.Contains("| `ENABLE_PURGE_EXECUTION` | `false` | production | `false` | Prevents data deletion |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `ENABLE_SCHEDULER` | `false` | production | `true` | Prevents automated jobs |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `skip_parity` | `false` (allowed only for staging) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `skip_parity_acknowledgement` | empty; exactly `I_ACCEPT_PARITY_SKIP` to skip |", markdown, StringComparison.Ordinal);
        Assert.Contains("- write windows: 15m to 4h, change request matching `^[A-Z][A-Z0-9]*-[0-9]+$`", markdown, StringComparison.Ordinal);
        Assert.Contains("## Sign-off requirements", markdown, StringComparison.Ordinal);
        Assert.Contains("- [x] Staging promotion of HEAD `9f2c4e1` passed every gate (runbook §3.1 step 2): `p-stg`, ", markdown, StringComparison.Ordinal);
        Assert.Contains("- [x] Staging verification of `9f2c4e1` recorded: application health, smoke tests, key functionality (runbook §3.1 steps 3–4, §3.2 step 1): by Vera at ", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] Production read-only posture: `ENABLE_PURGE_EXECUTION` and `ENABLE_SCHEDULER` false or unset (runbook §4.1–4.2): enabled: `ENABLE_SCHEDULER` = `true`", markdown, StringComparison.Ordinal);
        Assert.Contains("- [?] Production Parity Gate passes (no skip for production) (runbook §2.4, §3.2 step 3, §5.5): enforced by REQ-NO-PROD-SKIP", markdown, StringComparison.Ordinal);
        Assert.Contains("- [?] Read-only posture checklist recorded after the production promotion (runbook §3.2 step 4, §4.2): after `9f2c4e1` reaches production", markdown, StringComparison.Ordinal);
        Assert.Contains("| Release engineer | | | |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_counts_who_may_promote_and_never_lists_their_ids()
    {
        // Issue #14: the pack is shared beyond the people it names; it says how many may promote, not who.
        var built = await Chat.Get<ReadinessPackBuilder>().BuildAsync(DateTimeOffset.UtcNow);
        Assert.True(built.Succeeded, built.Error?.Message);
        var policy = built.Value.Policy;
        var pack = built.Value with
        {
            Policy = policy with
            {
                Environments =
                [
                    policy.Environments[0] with { Requesters = ["*"] },
                    policy.Environments[1] with { Requesters = ["teams:6f1c2b7e-5d4a-4c3b-9a8e-1f2d3c4b5a69", "slack:U0PAULA"] },
                ],
            },
        };

        var markdown = ReadinessMarkdown.Render(pack);

        Assert.Contains("- may promote to staging: anyone (`*`)", markdown, StringComparison.Ordinal);
        Assert.Contains("- may promote to production: 2 people listed in policy.yaml", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("6f1c2b7e", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("U0PAULA", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_production_success_the_pack_asks_for_the_posture_checklist_until_it_is_recorded()
    {
        await PromotionSeeds.AddAsync(Chat, "p-prod", "production", PromotionState.Succeeded);

        var before = (await SayAsync("readiness"))[1];
        await Chat.SubmitAsync("olga", PostureChecklistForm.FormId("p-prod"), new Dictionary<string, string>
        {
            ["purge"] = "true",
            ["scheduler"] = "true",
            ["database"] = "true",
            ["destructive"] = "true",
            ["monitoring"] = "true",
        });
        var after = (await SayAsync("readiness"))[1];

        Assert.Contains("- [ ] Read-only posture checklist recorded after the production promotion (runbook §3.2 step 4, §4.2): not yet recorded for `p-prod`", before, StringComparison.Ordinal);
        Assert.Contains("- [x] Read-only posture checklist recorded after the production promotion (runbook §3.2 step 4, §4.2): by Olga at ", after, StringComparison.Ordinal);
        Assert.Contains(", 5/5 confirmed", after, StringComparison.Ordinal);
        Assert.Contains("- [x] Production Parity Gate passes (no skip for production) (runbook §2.4, §3.2 step 3, §5.5): passed on the production run of `9f2c4e1`", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_that_is_not_head_is_marked_so()
    {
        await PromotionSeeds.AddAsync(Chat, "p-old", "staging", PromotionState.Succeeded, commitSha: "0123456789abcdef");

        var markdown = (await SayAsync("readiness"))[1];

        Assert.Contains("| Promotion | `p-old` succeeded (`0123456`, not HEAD) by Dana | none yet |", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] Staging promotion of HEAD `9f2c4e1` passed every gate", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_github_cannot_give_head_the_reply_says_so()
    {
        await Sandbox.FailAlwaysAsync("/branches/");

        var replies = await SayAsync("readiness");

        Assert.StartsWith("I could not read the HEAD of the promotion branch for the readiness pack: GitHub answered \"token lacks Contents: read", Assert.Single(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_flags_cannot_be_read_the_pack_still_renders_and_says_they_are_unknown()
    {
        await Sandbox.FailAlwaysAsync("/environments/production/variables");

        var replies = await SayAsync("readiness");

        Assert.Contains("production ENABLE_PURGE_EXECUTION: unknown (GitHub answered", replies[0], StringComparison.Ordinal);
        Assert.Contains("- [?] Production read-only posture: `ENABLE_PURGE_EXECUTION` and `ENABLE_SCHEDULER` false or unset (runbook §4.1–4.2): could not read: GitHub answered", replies[1], StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        var result = await Chat.SendAsync(new(Chat.NextInboundId(), ChatTestHost.Conversation("general"), ChatTestHost.User("dana"), text));
        return result.Replies.Select(JobSheetQA.Bot.Chat.Replies.PlainTextReplyRenderer.Render).ToList();
    }
}
