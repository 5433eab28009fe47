using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Renders a channel-neutral <see cref="Reply"/> as Block Kit (https://api.slack.com/block-kit) with a plain-text <c>text</c>
/// fallback for notifications and screen readers. Buttons carry the command they send; a form becomes input blocks
/// whose block ids name the form, and a submit button whose value is the form id.
/// </summary>
public static partial class SlackBlockKitRenderer
{
    // Slack's limits: 3000 characters in a section's text, 10 fields per section, 2000 per field, 50 blocks per message.
    private const int MaxSectionText = 3000;
    private const int MaxFields = 10;
    private const int MaxFieldText = 2000;
    private const int MaxBlocks = 50;
    private const int MaxFallbackText = 3900;

    /// <summary>The <c>text</c> and <c>blocks</c> of a message (the body of chat.postMessage, chat.update or a response_url post).</summary>
    public static JsonObject Render(Reply reply)
    {
        var blocks = new JsonArray();
        var index = 0;
        foreach (var block in reply.Blocks)
        {
            foreach (var rendered in RenderBlock(block, index++))
                blocks.Add(rendered);
        }

        while (blocks.Count > MaxBlocks)
            blocks.RemoveAt(blocks.Count - 1);
        return new JsonObject { ["text"] = FallbackText(reply), ["blocks"] = blocks };
    }

    /// <summary>The plain-text rendering, cut to a length every Slack surface shows.</summary>
    public static string FallbackText(Reply reply)
    {
        var text = PlainTextReplyRenderer.Render(reply);
        return text.Length <= MaxFallbackText ? text : text[..(MaxFallbackText - 1)] + "…";
    }

    private static IEnumerable<JsonObject> RenderBlock(ReplyBlock block, int index) => block switch
    {
        TextBlock text => Chunks(ToMrkdwn(text.Markdown), MaxSectionText).Select(chunk => Section(chunk)),
        FactsBlock facts => facts.Facts.Chunk(MaxFields).Select(FactsSection),
        ButtonsBlock buttons => [Actions(buttons.Buttons.Select((button, i) => Button(button.Title, $"{SlackInboundParser.CommandActionPrefix}{index}:{i}", button.Command, button.Style)))],
        FormBlock form => Form(form),
        StatusCardBlock card => StatusCard(card),
        _ => throw new NotSupportedException($"No Block Kit rendering for {block.GetType().Name}."),
    };

    /// <summary>
    /// The reply model's simple markdown as Slack mrkdwn: reserved characters escaped, <c>**bold**</c> → <c>*bold*</c>,
    /// <c>[text](url)</c> → <c>&lt;url|text&gt;</c>, <c>- item</c> → <c>• item</c>; <c>`code`</c> stays as it is.
    /// </summary>
    public static string ToMrkdwn(string markdown)
    {
        var text = SlackText.Escape(markdown);
        text = Link().Replace(text, match => $"<{match.Groups["url"].Value}|{match.Groups["text"].Value}>");
        text = Bold().Replace(text, "*$1*");
        text = ListItem().Replace(text, "${indent}• ");
        return text;
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(mrkdwn),
    };

    private static JsonObject FactsSection(ReplyFact[] facts) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(facts.Select(fact => (JsonNode)Mrkdwn(Cut($"*{SlackText.Escape(fact.Name)}*\n{ToMrkdwn(fact.Value)}", MaxFieldText))).ToArray()),
    };

    private static IEnumerable<JsonObject> Form(FormBlock form)
    {
        foreach (var input in form.Inputs)
        {
            var blockId = $"{form.FormId}/{input.Id}";
            if (input.Kind == ReplyInputKind.Toggle)
            {
                yield return new JsonObject
                {
                    ["type"] = "input",
                    ["block_id"] = blockId,
                    // A toggle left unticked is an answer too, not a missing one.
                    ["optional"] = true,
                    ["label"] = PlainText(input.Label),
                    ["element"] = new JsonObject
                    {
                        ["type"] = "checkboxes",
                        ["action_id"] = input.Id,
                        ["options"] = new JsonArray(new JsonObject { ["text"] = PlainText(input.Label, 75), ["value"] = input.Id }),
                    },
                };
            }
            else
            {
                var element = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = input.Id };
                if (input.Placeholder is { } placeholder)
                    element["placeholder"] = PlainText(placeholder, 150);
                yield return new JsonObject { ["type"] = "input", ["block_id"] = blockId, ["label"] = PlainText(input.Label), ["element"] = element };
            }
        }

        yield return Actions([Button(form.SubmitTitle, SlackInboundParser.SubmitActionId, form.FormId, ButtonStyle.Primary)]);
    }

    private static IEnumerable<JsonObject> StatusCard(StatusCardBlock card)
    {
        yield return Section($"*{SlackText.Escape(card.Title)}*\n{Mark(card.Phase)} {SlackText.Escape(card.State)}");
        foreach (var steps in card.Steps.Chunk(MaxFields))
        {
            yield return new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(steps.Select(step =>
                    (JsonNode)Mrkdwn($"{Mark(step.Outcome)} *{SlackText.Escape(step.Step.DisplayName())}*\n{step.Outcome.ToString().ToLowerInvariant()}")).ToArray()),
            };
        }

        if (card.RunUrl is not null)
        {
            var link = new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = SlackInboundParser.LinkActionId,
                ["text"] = PlainText("View workflow run", 75),
                ["url"] = card.RunUrl,
            };
            yield return Actions([link]);
        }
    }

    /// <summary>The same states as the Teams card: pending, running, passed, failed, skipped, cancelled.</summary>
    public static string Mark(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Passed => ":white_check_mark:",
        StepOutcome.Failed => ":x:",
        StepOutcome.Running => ":hourglass_flowing_sand:",
        StepOutcome.Skipped => ":fast_forward:",
        StepOutcome.Cancelled => ":no_entry_sign:",
        _ => ":white_circle:",
    };

    private static string Mark(StatusCardPhase phase) => phase switch
    {
        StatusCardPhase.Succeeded => ":white_check_mark:",
        StatusCardPhase.Failed => ":x:",
        StatusCardPhase.Stopped => ":no_entry_sign:",
        _ => ":hourglass_flowing_sand:",
    };

    private static JsonObject Actions(IEnumerable<JsonObject> elements) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray(elements.Select(e => (JsonNode)e).ToArray()),
    };

    private static JsonObject Button(string title, string actionId, string value, ButtonStyle style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = PlainText(title, 75),
            ["value"] = value,
        };
        if (style != ButtonStyle.Default)
            button["style"] = style == ButtonStyle.Primary ? "primary" : "danger";
        return button;
    }

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    // Slack's plain-text limits: 75 characters on buttons and options, 150 in placeholders, 2000 in labels.
    private static JsonObject PlainText(string text, int max = 2000) => new() { ["type"] = "plain_text", ["text"] = Cut(text, max), ["emoji"] = true };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Splits long text at line breaks into pieces Slack accepts in one section.</summary>
    private static IEnumerable<string> Chunks(string text, int max)
    {
        if (text.Length <= max)
        {
            yield return text;
            yield break;
        }

        var chunk = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (chunk.Length > 0 && chunk.Length + 1 + line.Length > max)
            {
                yield return chunk.ToString();
                chunk.Clear();
            }

            if (chunk.Length > 0)
                chunk.Append('\n');
            chunk.Append(line.Length > max ? Cut(line, max) : line);
        }

        if (chunk.Length > 0)
            yield return chunk.ToString();
    }

    [GeneratedRegex(@"\[(?<text>[^\]\n]+)\]\((?<url>https?://[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();

    [GeneratedRegex(@"^(?<indent>[ \t]*)- ", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ListItem();
}
