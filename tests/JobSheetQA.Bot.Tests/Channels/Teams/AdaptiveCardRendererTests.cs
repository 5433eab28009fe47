using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.Channels.Teams.Cards;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>The Adaptive Card JSON the bot writes for each reply block (https://adaptivecards.io/explorer/).</summary>
public sealed class AdaptiveCardRendererTests
{
    private static JsonArray Body(Reply reply, FormActionKind action = FormActionKind.Submit) => AdaptiveCardRenderer.Render(reply, action)["body"]!.AsArray();

    [Fact]
    public void A_card_is_an_Adaptive_Card_1_5_with_a_plain_text_fallback()
    {
        var card = AdaptiveCardRenderer.Render(TestCardHandlers.CardReply);
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.StartsWith("**Decision**", card["fallbackText"]!.GetValue<string>());

        var attachment = AdaptiveCardRenderer.Attachment(TestCardHandlers.CardReply);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.True(attachment.ToJsonString().Length < 28 * 1024);
    }

    [Fact]
    public void Text_and_facts_become_a_wrapping_TextBlock_and_a_FactSet()
    {
        var body = Body(TestCardHandlers.CardReply);
        Assert.Equal("""{"type":"TextBlock","text":"**Decision**: requires acknowledgement","wrap":true}""", body[0]!.ToJsonString());
        Assert.Equal("""{"type":"FactSet","facts":[{"title":"REQ-SKIP-ACK","value":"\u00A72.4 Missing skip acknowledgement"}]}""", body[1]!.ToJsonString());
    }

    [Fact]
    public void Each_line_of_text_is_its_own_paragraph_without_indentation()
    {
        var text = Body(Reply.Text("Commands:\nstatus\n    current promotions\n\n- one"))[0]!["text"]!.GetValue<string>();
        Assert.Equal("Commands:\n\nstatus\n\ncurrent promotions\n\n- one", text);
    }

    [Fact]
    public void Buttons_send_their_command_back_as_the_users_message()
    {
        var actions = Body(TestCardHandlers.CardReply)[2]!["actions"]!.AsArray();
        Assert.Equal("ActionSet", Body(TestCardHandlers.CardReply)[2]!["type"]!.GetValue<string>());
        Assert.Equal(
            """{"type":"Action.Submit","title":"Cancel","data":{"command":"cancel p-42"},"style":"destructive"}""",
            actions[0]!.ToJsonString());
        Assert.Null(actions[1]!["style"]);
    }

    [Fact]
    public void A_form_has_its_inputs_and_a_submit_that_carries_the_form_id()
    {
        var body = Body(TestCardHandlers.CardReply);
        Assert.Equal("""{"type":"Input.Text","id":"phrase","label":"Type I_ACCEPT_PARITY_SKIP","placeholder":"I_ACCEPT_PARITY_SKIP"}""", body[3]!.ToJsonString());
        Assert.Equal("""{"type":"Input.Toggle","id":"smoke","title":"Smoke tests passed","valueOn":"true","valueOff":"false","value":"false"}""", body[4]!.ToJsonString());
        Assert.Equal("""{"type":"ActionSet","actions":[{"type":"Action.Submit","title":"Acknowledge","data":{"formId":"test-form"},"style":"positive"}]}""", body[5]!.ToJsonString());
    }

    [Fact]
    public void With_Execute_the_form_submits_through_Action_Execute()
    {
        var submit = Body(TestCardHandlers.CardReply, FormActionKind.Execute)[5]!["actions"]![0]!;
        Assert.Equal("""{"type":"Action.Execute","title":"Acknowledge","verb":"submitForm","data":{"formId":"test-form"},"style":"positive"}""", submit.ToJsonString());
    }

    [Theory]
    [InlineData(StepOutcome.Pending, "⚪", "Default")]
    [InlineData(StepOutcome.Running, "⏳", "Accent")]
    [InlineData(StepOutcome.Passed, "✅", "Good")]
    [InlineData(StepOutcome.Failed, "❌", "Attention")]
    [InlineData(StepOutcome.Skipped, "⏭️", "Warning")]
    public void The_status_card_shows_each_step_with_its_icon_and_colour(StepOutcome outcome, string icon, string color)
    {
        var body = Body(TestCardHandlers.Status(outcome));

        Assert.Equal("promote staging · 9f2c4e1 · Dana Okafor", body[0]!["text"]!.GetValue<string>());
        Assert.Equal("running", body[1]!["text"]!.GetValue<string>());
        var rows = body.Where(e => e!["type"]!.GetValue<string>() == "ColumnSet").ToList();
        Assert.Equal(["Validate Request", "CI Gate", "Policy Gate", "Rehearsal Gate", "Parity Gate", "Deploy"],
            rows.Select(r => r!["columns"]![1]!["items"]![0]!["text"]!.GetValue<string>()));
        var first = rows[0]!["columns"]!.AsArray();
        Assert.Equal(icon, first[0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(color, first[0]!["items"]![0]!["color"]!.GetValue<string>());
        Assert.Equal(outcome.ToString().ToLowerInvariant(), first[2]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(
            """{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"Open workflow run","url":"https://github.com/example/jobsheetqa/actions/runs/42"}]}""",
            body[^1]!.ToJsonString());
    }

    [Fact]
    public void A_text_only_reply_is_sent_as_markdown_text_not_a_card()
    {
        var message = TeamsMessageFactory.Message(Reply.Text("**Denied**: Cannot skip parity for production"), FormActionKind.Submit);
        Assert.Equal("""{"type":"message","text":"**Denied**: Cannot skip parity for production","textFormat":"markdown"}""", message.ToJsonString());
    }

    [Fact]
    public void A_reply_with_blocks_is_sent_as_one_card_attachment()
    {
        var message = TeamsMessageFactory.Message(TestCardHandlers.CardReply, FormActionKind.Submit, id: "card-7");
        Assert.Equal("card-7", message["id"]!.GetValue<string>());
        Assert.Null(message["text"]);
        Assert.Equal("AdaptiveCard", message["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
    }
}
