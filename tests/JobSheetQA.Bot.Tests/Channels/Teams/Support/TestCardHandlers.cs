using System.Collections.Concurrent;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Channels.Teams.Support;

/// <summary>
/// Chat handlers for the Teams tests, registered beside the bot's own: they record every turn that reaches the chat layer
/// and answer <c>show card</c> (facts, buttons, a form) and <c>show status</c> (a status card with an update key). The
/// form <c>test-form</c> echoes its values. Text only, so they never collide with command handlers.
/// </summary>
public sealed class TestCardHandlers : IChatTextHandler, IChatFormHandler
{
    public const string FormId = "test-form";
    public const string StatusKey = "status:test";

    private readonly ConcurrentQueue<ChatMessage> seen = new();

    public IReadOnlyList<ChatMessage> Seen => seen.ToList();

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(string text, ChatTurn turn, CancellationToken cancellationToken)
    {
        seen.Enqueue(turn.Message);
        IReadOnlyList<Reply>? replies = text.Trim() switch
        {
            "show card" => [CardReply],
            "show status" => [Status(StepOutcome.Running)],
            _ => null,
        };
        return Task.FromResult(replies);
    }

    public bool CanHandle(string formId) => formId == FormId;

    public Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        seen.Enqueue(turn.Message);
        var values = string.Join(", ", form.Values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}"));
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Text($"form {form.FormId} from {turn.Sender.DisplayName}: {values}")]);
    }

    public static Reply CardReply { get; } = new(
    [
        new TextBlock("**Decision**: requires acknowledgement"),
        new FactsBlock([new ReplyFact("REQ-SKIP-ACK", "§2.4 Missing skip acknowledgement")]),
        new ButtonsBlock([new ReplyButton("Cancel", "cancel p-42", ButtonStyle.Danger), new ReplyButton("Status", "status p-42")]),
        new FormBlock(FormId, [new ReplyInput("phrase", "Type I_ACCEPT_PARITY_SKIP", ReplyInputKind.Text, "I_ACCEPT_PARITY_SKIP"),
            new ReplyInput("smoke", "Smoke tests passed", ReplyInputKind.Toggle)], "Acknowledge"),
    ]);

    public static Reply Status(StepOutcome validate) => new(
    [
        new StatusCardBlock("promote staging · 9f2c4e1 · Dana Okafor", "running",
        [
            new StepStatus(PromotionStep.ValidateRequest, validate),
            new StepStatus(PromotionStep.CiGate, StepOutcome.Pending),
            new StepStatus(PromotionStep.PolicyGate, StepOutcome.Pending),
            new StepStatus(PromotionStep.RehearsalGate, StepOutcome.Pending),
            new StepStatus(PromotionStep.ParityGate, StepOutcome.Pending),
            new StepStatus(PromotionStep.Deploy, StepOutcome.Pending),
        ], "https://github.com/example/jobsheetqa/actions/runs/42"),
    ], StatusKey);
}
