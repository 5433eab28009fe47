using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Channels.Teams.Cards;

/// <summary>
/// Writes a channel-neutral <see cref="Reply"/> as Adaptive Card JSON, version 1.5 (https://adaptivecards.io/explorer/), with no
/// card library: text as TextBlocks, facts as a FactSet, buttons as Action.Submit that send their command as if typed, forms as inputs with a submit action carrying the form id, and the status card as one row per step.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    /// <summary>The key under which a form's submit data carries the form id.</summary>
    public const string FormIdKey = "formId";

    /// <summary>The key under which a button's submit data carries its command; the adapter reads it as typed text.</summary>
    public const string CommandKey = "command";

    /// <summary>The <c>verb</c> of a form's Action.Execute.</summary>
    public const string SubmitFormVerb = "submitForm";

    public static JsonObject Render(Reply reply, FormActionKind formAction = FormActionKind.Submit)
    {
        var body = new JsonArray();
        foreach (var block in reply.Blocks)
        {
            foreach (var element in RenderBlock(block, formAction))
                body.Add(element);
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = PlainTextReplyRenderer.Render(reply),
            ["body"] = body,
        };
    }

    /// <summary>The card as a message attachment.</summary>
    public static JsonObject Attachment(Reply reply, FormActionKind formAction = FormActionKind.Submit) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = Render(reply, formAction),
    };

    private static IEnumerable<JsonNode> RenderBlock(ReplyBlock block, FormActionKind formAction) => block switch
    {
        TextBlock text => [Text(Paragraphs(text.Markdown))],
        FactsBlock facts => [FactSet(facts.Facts)],
        ButtonsBlock buttons => [ActionSet(buttons.Buttons.Select(Button))],
        FormBlock form => Form(form, formAction),
        StatusCardBlock status => Status(status),
        _ => throw new NotSupportedException($"No Adaptive Card rendering for {block.GetType().Name}."),
    };

    private static JsonObject Text(string markdown, string? weight = null, string? size = null, string? color = null, bool subtle = false)
    {
        var text = new JsonObject { ["type"] = "TextBlock", ["text"] = markdown, ["wrap"] = true };
        if (weight is not null)
            text["weight"] = weight;
        if (size is not null)
            text["size"] = size;
        if (color is not null)
            text["color"] = color;
        if (subtle)
            text["isSubtle"] = true;
        return text;
    }

    /// <summary>
    /// Card markdown joins single line breaks and reads four leading spaces as code, so each line becomes its own
    /// paragraph, trimmed (the help text is a list of indented lines).
    /// </summary>
    internal static string Paragraphs(string markdown)
    {
        // Line by line in place: a dry run's reply is a few kilobytes of lines, copied here on every turn (tests/load).
        var text = new StringBuilder(markdown.Length + markdown.Length / 8);
        var source = markdown.AsSpan();
        foreach (var range in source.Split('\n'))
        {
            var line = source[range].Trim();
            if (line.IsEmpty)
                continue;
            if (text.Length > 0)
                text.Append("\n\n");
            text.Append(line);
        }

        return text.ToString();
    }

    private static JsonObject FactSet(IEnumerable<ReplyFact> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Name, ["value"] = f.Value }).ToArray()),
    };

    private static JsonObject ActionSet(IEnumerable<JsonObject> actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray(actions.Cast<JsonNode>().ToArray()),
    };

    /// <summary>
    /// The button's data names its command; the adapter reads it as if typed, so it goes through the normal grammar. (Not
    /// <c>msteams.imBack</c>: the Teams simulator's web UI ignores such a button.)
    /// </summary>
    private static JsonObject Button(ReplyButton button)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = button.Title,
            ["data"] = new JsonObject { [CommandKey] = button.Command },
        };
        if (Style(button.Style) is { } style)
            action["style"] = style;
        return action;
    }

    private static string? Style(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => "positive",
        ButtonStyle.Danger => "destructive",
        _ => null,
    };

    private static IEnumerable<JsonNode> Form(FormBlock form, FormActionKind formAction)
    {
        foreach (var input in form.Inputs)
        {
            yield return input.Kind switch
            {
                ReplyInputKind.Toggle => new JsonObject
                {
                    ["type"] = "Input.Toggle",
                    ["id"] = input.Id,
                    ["title"] = input.Label,
                    ["valueOn"] = "true",
                    ["valueOff"] = "false",
                    ["value"] = "false",
                },
                _ => TextInput(input),
            };
        }

        var data = new JsonObject { [FormIdKey] = form.FormId };
        var submit = formAction == FormActionKind.Execute
            ? new JsonObject { ["type"] = "Action.Execute", ["title"] = form.SubmitTitle, ["verb"] = SubmitFormVerb, ["data"] = data, ["style"] = "positive" }
            : new JsonObject { ["type"] = "Action.Submit", ["title"] = form.SubmitTitle, ["data"] = data, ["style"] = "positive" };
        yield return ActionSet([submit]);
    }

    private static JsonObject TextInput(ReplyInput input)
    {
        var text = new JsonObject { ["type"] = "Input.Text", ["id"] = input.Id, ["label"] = input.Label };
        if (input.Placeholder is not null)
            text["placeholder"] = input.Placeholder;
        return text;
    }

    private static IEnumerable<JsonNode> Status(StatusCardBlock status)
    {
        yield return Text(status.Title, weight: "Bolder", size: "Medium");
        yield return Text(status.State, subtle: true);
        foreach (var step in status.Steps)
        {
            var (icon, color) = Look(step.Outcome);
            yield return new JsonObject
            {
                ["type"] = "ColumnSet",
                ["spacing"] = "Small",
                ["columns"] = new JsonArray(
                    Column("auto", Text(icon, color: color)),
                    Column("stretch", Text(step.Step.DisplayName())),
                    Column("auto", Text(step.Outcome.ToString().ToLowerInvariant(), weight: "Bolder", color: color))),
            };
        }

        if (status.RunUrl is not null)
            yield return ActionSet([new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open workflow run", ["url"] = status.RunUrl }]);
    }

    private static JsonObject Column(string width, JsonObject item) => new()
    {
        ["type"] = "Column",
        ["width"] = width,
        ["items"] = new JsonArray(item),
    };

    /// <summary>Icon and Adaptive Card colour per step outcome.</summary>
    internal static (string Icon, string Color) Look(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Passed => ("✅", "Good"),
        StepOutcome.Failed => ("❌", "Attention"),
        StepOutcome.Running => ("⏳", "Accent"),
        StepOutcome.Skipped => ("⏭️", "Warning"),
        StepOutcome.Cancelled => ("⛔", "Warning"),
        _ => ("⚪", "Default"),
    };
}
