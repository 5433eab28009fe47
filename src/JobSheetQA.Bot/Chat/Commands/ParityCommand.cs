namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>parity [&lt;commit&gt;|&lt;run id&gt;]</c>: the latest parity report, read as a failure notice reads it.</summary>
public sealed record ParityCommand(string? Target) : ChatCommand;
