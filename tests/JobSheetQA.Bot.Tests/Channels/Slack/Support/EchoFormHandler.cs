using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Tests.Channels.Slack.Support;

/// <summary>Answers the form <c>echo-form</c> with the values it received, so a test sees what the adapter read from Slack.</summary>
public sealed class EchoFormHandler : IChatFormHandler
{
    public const string FormId = "echo-form";

    public bool CanHandle(string formId) => formId == FormId;

    public Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Reply>>(
        [
            Reply.Text($"echo from {turn.Sender.DisplayName} ({turn.Sender.UserId}): " +
                string.Join("; ", form.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")) +
                $"; health checked={form.IsChecked("health")}"),
        ]);
}
