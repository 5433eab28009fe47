using System.Text.Json;

namespace JobSheetQA.Rules.Parity.Pairing;

/// <summary>
/// Where a number sits in a JSON document: dotted names (<c>metrics.field_accuracy</c>, a list item as <c>runs.0.score</c>),
/// or a JSON Pointer (<c>/metrics/field.accuracy</c>) for names that contain a dot.
/// </summary>
public sealed record ParityPath(IReadOnlyList<string> Segments)
{
    /// <summary>Reads a path as policy.yaml writes it; null with <paramref name="problem"/> when it is not one.</summary>
    public static ParityPath? Parse(string text, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the path is empty";
            return null;
        }

        var segments = text.StartsWith('/')
            ? text[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray()
            : text.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            problem = $"'{text}' has an empty name in it (write a.b.c, or a JSON Pointer /a/b/c)";
            return null;
        }

        return new ParityPath(segments);
    }

    public static ParityPath Of(IEnumerable<string> segments) => new(segments.ToArray());

    public string Name => Segments[^1];

    /// <summary>The value at this path; null when some name along it is absent.</summary>
    public JsonElement? Find(JsonElement root)
    {
        var current = root;
        foreach (var segment in Segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
                current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
                current = current[index];
            else
                return null;
        }

        return current;
    }

    /// <summary>Dotted, as people read it.</summary>
    public override string ToString() => string.Join('.', Segments);
}
