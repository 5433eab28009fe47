using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence.Parity;

namespace JobSheetQA.Bot.Chat.Handlers.Evidence;

/// <summary>
/// <c>parity [&lt;commit&gt;|&lt;run id&gt;]</c>: the newest parity report (runbook §5.2), metric by metric, read the same way as
/// the Parity Gate's failure notice. A read, like <c>status</c> and <c>history</c>: anyone in the conversation may ask.
/// </summary>
public sealed class ParityHandler(ParityReportFinder finder) : ChatCommandHandler<ParityCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(ParityCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        await finder.FindAsync(command.Target, cancellationToken) switch
        {
            ParityFound found => [Reply.Text($"**Parity** of {Whose(found)}:\n{ParityEvidenceText.Describe(found.Evidence)}")],
            ParityTargetUnreadable unreadable => NotFound($"`{Printable(unreadable.Typed)}` is neither a commit (4 to 40 hex digits) nor a run id (digits)"),
            NoParityRun none => NotFound(none.Commit is null
                ? "no promotion has reached the Parity Gate yet"
                : $"no promotion of a commit starting `{none.Commit}` has reached the Parity Gate"),
            NoSuchRun missing => NotFound($"there is no workflow run {missing.RunId}"),
            ParityLookupFailed failed => [GitHubProblem.Reply($"read workflow run {failed.RunId}", failed.Error)],
            var other => throw new NotSupportedException($"No reply for {other.GetType().Name}."),
        };

    private static IReadOnlyList<Reply> NotFound(string why) =>
        [Reply.Text($"No parity report to show: {why}. Try `parity <commit>` or `parity <run id>`.")];

    private static string Printable(string text) => new(text.Take(40).Select(c => char.IsControl(c) || c == '`' ? '?' : c).ToArray());

    private static string Whose(ParityFound found) => found.Promotion is { } p
        ? $"**promote {p.Environment}** ({p.Id}, commit `{ChatText.ShortSha(p.CommitSha)}`, requested by {p.RequesterDisplayName})"
        : $"workflow run {found.Evidence.Run.RunId} (commit `{ChatText.ShortSha(found.Evidence.Run.CommitSha)}`)";
}
