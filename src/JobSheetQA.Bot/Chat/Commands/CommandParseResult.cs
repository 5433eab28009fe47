namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>A parsed command, or why the text was not understood and what the user may have meant.</summary>
public sealed record CommandParseResult(ChatCommand? Command, string? Error, string? Suggestion)
{
    public bool Succeeded => Command is not null;

    public static CommandParseResult Parsed(ChatCommand command) => new(command, null, null);

    public static CommandParseResult Failed(string error, string? suggestion = null) => new(null, error, suggestion);
}
