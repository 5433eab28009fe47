using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Chat.Replies;

public sealed class PlainTextReplyRendererTests
{
    [Fact]
    public void A_status_card_lists_every_step_in_order_with_its_outcome()
    {
        var card = new StatusCardBlock(
            "promote staging · 9f2c4e1 · Dana Okafor",
            "failed at Parity Gate",
            [
                new StepStatus(PromotionStep.ValidateRequest, StepOutcome.Passed),
                new StepStatus(PromotionStep.CiGate, StepOutcome.Passed),
                new StepStatus(PromotionStep.PolicyGate, StepOutcome.Passed),
                new StepStatus(PromotionStep.RehearsalGate, StepOutcome.Passed),
                new StepStatus(PromotionStep.ParityGate, StepOutcome.Failed),
                new StepStatus(PromotionStep.Deploy, StepOutcome.Skipped),
            ],
            "https://github.example/runs/42");

        var text = PlainTextReplyRenderer.Render(new Reply([card], UpdateKey: "status:p-42"));

        Assert.Equal(
            """
            promote staging · 9f2c4e1 · Dana Okafor — failed at Parity Gate
            ✓ Validate Request: passed
            ✓ CI Gate: passed
            ✓ Policy Gate: passed
            ✓ Rehearsal Gate: passed
            ✗ Parity Gate: failed
            – Deploy: skipped
            run: https://github.example/runs/42
            """.ReplaceLineEndings("\n"),
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Text_facts_buttons_and_forms_render_in_order()
    {
        var reply = new Reply(
        [
            new TextBlock("Skipping parity on staging needs an acknowledgement."),
            new FactsBlock([new ReplyFact("commit", "9f2c4e1"), new ReplyFact("expires", "10:25 UTC")]),
            new FormBlock("ack:p-42", [new ReplyInput("phrase", "Type exactly I_ACCEPT_PARITY_SKIP", ReplyInputKind.Text)], "Acknowledge"),
            new ButtonsBlock([new ReplyButton("Cancel", "cancel p-42", ButtonStyle.Danger)]),
        ]);

        var lines = PlainTextReplyRenderer.Render(reply).ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(
        [
            "Skipping parity on staging needs an acknowledgement.",
            "commit: 9f2c4e1",
            "expires: 10:25 UTC",
            "Type exactly I_ACCEPT_PARITY_SKIP: ____",
            "[Acknowledge]",
            "[Cancel: cancel p-42]",
        ], lines);
    }

    [Fact]
    public void A_checklist_renders_toggles()
    {
        var form = new FormBlock("verify:staging", [new ReplyInput("health", "Application health checked", ReplyInputKind.Toggle)], "Record verification");

        Assert.StartsWith("[ ] Application health checked", PlainTextReplyRenderer.Render(new Reply([form])));
    }
}
