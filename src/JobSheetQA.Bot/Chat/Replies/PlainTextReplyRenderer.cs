using System.Text;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>
/// Renders a reply as plain text: the fallback text channels show in notifications, and what transcript tests read.
/// </summary>
public static class PlainTextReplyRenderer
{
    public static string Render(Reply reply)
    {
        // Most replies are one text block: the text itself, without copying it through a builder.
        if (reply.Blocks is [TextBlock only])
            return only.Markdown.TrimEnd();

        var text = new StringBuilder();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TextBlock t:
                    text.AppendLine(t.Markdown);
                    break;
                case FactsBlock f:
                    foreach (var fact in f.Facts)
                        text.AppendLine($"{fact.Name}: {fact.Value}");
                    break;
                case ButtonsBlock b:
                    text.AppendLine(string.Join("  ", b.Buttons.Select(button => $"[{button.Title}: {button.Command}]")));
                    break;
                case FormBlock form:
                    foreach (var input in form.Inputs)
                        text.AppendLine(input.Kind == ReplyInputKind.Toggle ? $"[ ] {input.Label}" : $"{input.Label}: ____");
                    text.AppendLine($"[{form.SubmitTitle}]");
                    break;
                case StatusCardBlock card:
                    text.AppendLine($"{card.Title} — {card.State}");
                    foreach (var step in card.Steps)
                        text.AppendLine($"{StepMarks.For(step.Outcome)} {step.Step.DisplayName()}: {step.Outcome.ToString().ToLowerInvariant()}");
                    if (card.RunUrl is not null)
                        text.AppendLine($"run: {card.RunUrl}");
                    break;
                default:
                    throw new NotSupportedException($"No plain-text rendering for {block.GetType().Name}.");
            }
        }

        return text.ToString().TrimEnd();
    }
}
