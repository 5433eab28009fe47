namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>The words after a verb, as typed (for ids and change requests) and lower-cased (for keywords).</summary>
public sealed class CommandWords
{
    private readonly IReadOnlyList<string> words;

    public CommandWords(IReadOnlyList<string> words) => this.words = words;

    public int Count => this.words.Count;

    public string Original(int index) => this.words[index];

    public string Keyword(int index) => this.words[index].ToLowerInvariant();

    /// <summary>True when the words from <paramref name="index"/> on are <paramref name="phrase"/>, ignoring case.</summary>
    public bool AreAt(int index, params string[] phrase) =>
        index + phrase.Length <= this.words.Count
        && phrase.Select((word, offset) => string.Equals(this.words[index + offset], word, StringComparison.OrdinalIgnoreCase)).All(match => match);

    public override string ToString() => string.Join(' ', this.words);
}
