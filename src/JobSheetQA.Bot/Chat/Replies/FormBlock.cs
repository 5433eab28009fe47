namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>
/// Inputs submitted together, e.g. the acknowledgement prompt (one text input) or the staging verification checklist
/// (toggles and a note). Adapters send the values back keyed by input id, together with <paramref name="FormId"/>.
/// </summary>
public sealed record FormBlock(string FormId, IReadOnlyList<ReplyInput> Inputs, string SubmitTitle) : ReplyBlock;
