using System.Text;
using System.Text.Json;

namespace JobSheetQA.Rules.Parity;

/// <summary>
/// Where each value of a JSON document starts, by JSON Pointer, so schema errors (which know only pointers) can also
/// name a line. Also finds duplicate property names, which <see cref="JsonDocument"/> accepts silently.
/// </summary>
internal sealed class JsonLocationIndex
{
    private readonly Dictionary<string, (int Line, int Column)> positions;

    private JsonLocationIndex(
        Dictionary<string, (int Line, int Column)> positions,
        IReadOnlyList<(string Pointer, int Line, int Column)> duplicates)
    {
        this.positions = positions;
        Duplicates = duplicates;
    }

    /// <summary>Properties that appear more than once in the same object: pointer and position of the second and later ones.</summary>
    public IReadOnlyList<(string Pointer, int Line, int Column)> Duplicates { get; }

    /// <summary>Indexes text that <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> has already accepted.</summary>
    public static JsonLocationIndex Build(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = LineStarts(bytes);
        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var duplicates = new List<(string Pointer, int Line, int Column)>();
        var frames = new Stack<Frame>();
        string? property = null;
        long propertyStart = 0;

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    propertyStart = reader.TokenStartIndex;
                    if (!frames.Peek().Names!.Add(property))
                    {
                        var (line, column) = Locate(bytes, lineStarts, propertyStart);
                        duplicates.Add((frames.Peek().Pointer + "/" + Escape(property), line, column));
                    }

                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    string pointer;
                    long start = reader.TokenStartIndex;
                    if (frames.Count == 0)
                    {
                        pointer = string.Empty;
                    }
                    else if (frames.Peek().Names is null)
                    {
                        pointer = frames.Peek().Pointer + "/" + frames.Peek().NextIndex++;
                    }
                    else
                    {
                        // Point at the property name, not its value: that is where a reader looks for an unknown or misspelt key.
                        pointer = frames.Peek().Pointer + "/" + Escape(property!);
                        start = propertyStart;
                    }

                    positions.TryAdd(pointer, Locate(bytes, lineStarts, start));
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        frames.Push(new Frame(pointer, new HashSet<string>(StringComparer.Ordinal)));
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        frames.Push(new Frame(pointer, null));
                    }

                    break;
            }
        }

        return new JsonLocationIndex(positions, duplicates);
    }

    /// <summary>The line and column of the value at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public (int Line, int Column)? Find(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return null;
            }

            current = current[..current.LastIndexOf('/')];
        }
    }

    /// <summary>RFC 6901 escaping of one reference token.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The last reference token of a pointer, unescaped; empty for the root.</summary>
    public static string LastToken(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash < 0 ? string.Empty : pointer[(slash + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Locate(byte[] bytes, List<int> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        var line = index >= 0 ? index : ~index - 1;
        // Columns count characters, not UTF-8 bytes, so they match what an editor shows.
        var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], (int)offset - lineStarts[line]) + 1;
        return (line + 1, column);
    }

    private sealed class Frame(string pointer, HashSet<string>? names)
    {
        public string Pointer { get; } = pointer;

        /// <summary>Property names seen so far; null for an array.</summary>
        public HashSet<string>? Names { get; } = names;

        public int NextIndex { get; set; }
    }
}
