using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>The Block Kit JSON of every reply block (https://api.slack.com/block-kit), with its plain-text fallback.</summary>
public sealed class SlackBlockKitRendererTests
{
    [Theory]
    [InlineData("**Denied** by `REQ-BRANCH`", "*Denied* by `REQ-BRANCH`")]
    [InlineData("see [the run](https://github.com/o/r/actions/runs/42)", "see <https://github.com/o/r/actions/runs/42|the run>")]
    [InlineData("- one\n- two", "• one\n• two")]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("[x](https://e.test/?a=1&b=2)", "<https://e.test/?a=1&amp;b=2|x>")]
    public void Simple_markdown_becomes_slack_mrkdwn(string markdown, string mrkdwn) =>
        Assert.Equal(mrkdwn, SlackBlockKitRenderer.ToMrkdwn(markdown));

    [Fact]
    public void Every_message_has_a_plain_text_fallback()
    {
        var reply = new Reply([new TextBlock("**Allowed**"), new FactsBlock([new ReplyFact("Commit", "9f2c4e1")])]);

        var message = SlackBlockKitRenderer.Render(reply);

        Assert.Equal(PlainTextReplyRenderer.Render(reply), message["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_text_block_is_a_mrkdwn_section()
    {
        var blocks = Blocks(Reply.Text("**hi**"));

        var section = Assert.Single(blocks);
        Assert.Equal("""{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}}""", section!.ToJsonString());
    }

    [Fact]
    public void Long_text_is_split_into_sections_slack_accepts()
    {
        var text = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"line {i} " + new string('x', 40)));

        var blocks = Blocks(Reply.Text(text));

        Assert.True(blocks.Count > 1);
        Assert.All(blocks, b => Assert.True(b!["text"]!["text"]!.GetValue<string>().Length <= 3000));
        Assert.Equal(text, string.Join('\n', blocks.Select(b => b!["text"]!["text"]!.GetValue<string>())));
    }

    [Fact]
    public void Facts_are_section_fields_ten_at_most_per_section()
    {
        var facts = Enumerable.Range(1, 12).Select(i => new ReplyFact($"Name {i}", $"value {i}")).ToList();

        var blocks = Blocks(new Reply([new FactsBlock(facts)]));

        Assert.Equal(2, blocks.Count);
        Assert.Equal(10, blocks[0]!["fields"]!.AsArray().Count);
        Assert.Equal("""{"type":"mrkdwn","text":"*Name 1*\nvalue 1"}""", blocks[0]!["fields"]![0]!.ToJsonString());
        Assert.Equal(2, blocks[1]!["fields"]!.AsArray().Count);
    }

    [Fact]
    public void Buttons_are_an_actions_block_whose_values_are_the_commands()
    {
        var blocks = Blocks(new Reply([new TextBlock("?"), new ButtonsBlock([
            new ReplyButton("Cancel", "cancel p-42", ButtonStyle.Danger),
            new ReplyButton("Status", "status p-42", ButtonStyle.Primary),
            new ReplyButton("Help", "help")])]));

        var actions = blocks[1]!;
        Assert.Equal("actions", actions["type"]!.GetValue<string>());
        var buttons = actions["elements"]!.AsArray();
        Assert.Equal(
            """{"type":"button","action_id":"cmd:1:0","text":{"type":"plain_text","text":"Cancel","emoji":true},"value":"cancel p-42","style":"danger"}""",
            buttons[0]!.ToJsonString());
        Assert.Equal("primary", buttons[1]!["style"]!.GetValue<string>());
        Assert.Null(buttons[2]!["style"]);
        Assert.Equal(3, buttons.Select(b => b!["action_id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public void A_form_is_input_blocks_named_by_the_form_and_a_submit_button_carrying_the_form_id()
    {
        var form = new FormBlock("ack:p-7", [
            new ReplyInput("phrase", "Type I_ACCEPT_PARITY_SKIP", ReplyInputKind.Text, "exact phrase"),
            new ReplyInput("health", "Health checks pass", ReplyInputKind.Toggle)], "Acknowledge");

        var blocks = Blocks(new Reply([form]));

        Assert.Equal(3, blocks.Count);
        Assert.Equal(
            """{"type":"input","block_id":"ack:p-7/phrase","label":{"type":"plain_text","text":"Type I_ACCEPT_PARITY_SKIP","emoji":true},"element":{"type":"plain_text_input","action_id":"phrase","placeholder":{"type":"plain_text","text":"exact phrase","emoji":true}}}""",
            blocks[0]!.ToJsonString());
        Assert.Equal("checkboxes", blocks[1]!["element"]!["type"]!.GetValue<string>());
        Assert.Equal("health", blocks[1]!["element"]!["options"]![0]!["value"]!.GetValue<string>());
        Assert.True(blocks[1]!["optional"]!.GetValue<bool>());
        var submit = blocks[2]!["elements"]![0]!;
        Assert.Equal(SlackInboundParser.SubmitActionId, submit["action_id"]!.GetValue<string>());
        Assert.Equal("ack:p-7", submit["value"]!.GetValue<string>());
        Assert.Equal("primary", submit["style"]!.GetValue<string>());
    }

    [Fact]
    public void A_status_card_shows_the_five_gates_and_deploy_with_their_states_and_the_run_link()
    {
        var card = new StatusCardBlock("promote staging · 9f2c4e1 · Dana · p-42", "failed at Parity Gate",
        [
            new StepStatus(PromotionStep.ValidateRequest, StepOutcome.Passed),
            new StepStatus(PromotionStep.CiGate, StepOutcome.Passed),
            new StepStatus(PromotionStep.PolicyGate, StepOutcome.Skipped),
            new StepStatus(PromotionStep.RehearsalGate, StepOutcome.Running),
            new StepStatus(PromotionStep.ParityGate, StepOutcome.Failed),
            new StepStatus(PromotionStep.Deploy, StepOutcome.Pending),
        ], "https://github.com/o/r/actions/runs/42")
        { Phase = StatusCardPhase.Failed };

        var blocks = Blocks(new Reply([card], "status:p-42"));

        Assert.Equal("*promote staging · 9f2c4e1 · Dana · p-42*\n:x: failed at Parity Gate", blocks[0]!["text"]!["text"]!.GetValue<string>());
        var fields = blocks[1]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(
        [
            ":white_check_mark: *Validate Request*\npassed",
            ":white_check_mark: *CI Gate*\npassed",
            ":fast_forward: *Policy Gate*\nskipped",
            ":hourglass_flowing_sand: *Rehearsal Gate*\nrunning",
            ":x: *Parity Gate*\nfailed",
            ":white_circle: *Deploy*\npending",
        ], fields);
        var link = blocks[2]!["elements"]![0]!;
        Assert.Equal("https://github.com/o/r/actions/runs/42", link["url"]!.GetValue<string>());
        Assert.Equal(SlackInboundParser.LinkActionId, link["action_id"]!.GetValue<string>());
    }

    [Fact]
    public void A_status_card_without_a_run_has_no_link()
    {
        var card = new StatusCardBlock("promote staging", "requested", [new StepStatus(PromotionStep.ValidateRequest, StepOutcome.Pending)], null);

        Assert.DoesNotContain(Blocks(new Reply([card])), b => b!["type"]!.GetValue<string>() == "actions");
    }

    private static JsonArray Blocks(Reply reply) => SlackBlockKitRenderer.Render(reply)["blocks"]!.AsArray();
}
