using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Policy;

/// <summary>
/// Reads typed values out of YAML nodes and collects every error instead of stopping at the first.
/// Each read returns null when the value is unusable, and then an error has always been recorded.
/// </summary>
internal sealed class PolicyYamlReader(string source, PersonNaming people)
{
    private static readonly string[] Nulls = ["", "~", "null", "Null", "NULL"];
    private static readonly string[] Trues = ["true", "True", "TRUE"];
    private static readonly string[] Falses = ["false", "False", "FALSE"];

    private readonly List<PolicyError> errors = [];

    /// <summary>The errors so far, in file order.</summary>
    public IReadOnlyList<PolicyError> Errors =>
        this.errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();

    public bool HasErrors => this.errors.Count > 0;

    /// <summary>Which list entries name a person.</summary>
    public PersonNaming People => people;

    public void Error(Mark at, string path, string message) =>
        this.errors.Add(new PolicyError(source, checked((int)at.Line), checked((int)at.Column), path, message));

    public void Error(PolicyNode node, string message) => Error(node.At, node.Path, message);

    public PolicyMapping? Mapping(PolicyNode? node, params string[] keys)
    {
        if (node is not { } n)
            return null;
        if (n.Value is YamlMappingNode mapping)
            return new PolicyMapping(this, mapping, n, keys);
        Error(n, $"expected a mapping with keys {string.Join(", ", keys)}, found {Describe(n.Value)}");
        return null;
    }

    /// <summary>A list's items, each located at itself and pathed <c>key[i]</c>.</summary>
    public IReadOnlyList<PolicyNode>? Sequence(PolicyNode? node)
    {
        if (node is not { } n)
            return null;
        if (n.Value is YamlSequenceNode sequence)
            return sequence.Children.Select((item, index) => new PolicyNode(item, item.Start, n.Item(index))).ToList();
        Error(n, $"expected a list, found {Describe(n.Value)}");
        return null;
    }

    /// <summary>A non-empty single value.</summary>
    public string? Text(PolicyNode? node)
    {
        if (node is not { } n)
            return null;
        if (n.Value is not YamlScalarNode scalar)
        {
            Error(n, $"expected a single value, found {Describe(n.Value)}");
            return null;
        }

        if (IsEmpty(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(n, "value is empty");
            return null;
        }

        return scalar.Value;
    }

    /// <summary>A non-empty single value without spaces: branch, environment, secret and job-like names.</summary>
    public string? Name(PolicyNode? node)
    {
        if (node is not { } n || Text(n) is not { } text)
            return null;
        if (!text.Any(char.IsWhiteSpace))
            return text;
        Error(n, $"'{text}' must not contain spaces");
        return null;
    }

    public bool? Boolean(PolicyNode? node)
    {
        if (node is not { } n || PlainScalar(n, "true or false") is not { } text)
            return null;
        if (Trues.Contains(text))
            return true;
        if (Falses.Contains(text))
            return false;
        Error(n, $"expected true or false, found '{text}'");
        return null;
    }

    public int? Integer(PolicyNode? node)
    {
        if (node is not { } n || PlainScalar(n, "a whole number") is not { } text)
            return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
            return value;
        Error(n, $"expected a whole number, found '{text}'");
        return null;
    }

    /// <summary>The entries of a mapping whose keys are names the policy chooses (metric names), each pathed <c>key.name</c>.</summary>
    public IReadOnlyList<(string Name, PolicyNode Value)>? Entries(PolicyNode? node, string expected)
    {
        if (node is not { } n)
            return null;
        if (n.Value is not YamlMappingNode mapping)
        {
            Error(n, $"expected a mapping of {expected}, found {Describe(n.Value)}");
            return null;
        }

        var entries = new List<(string, PolicyNode)>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name } && !name.Any(char.IsWhiteSpace))
                entries.Add((name, new PolicyNode(value, key.Start, n.Child(name))));
            else
                Error(key.Start, n.Path, $"{expected} must be plain names without spaces");
        }

        return entries;
    }

    /// <summary>A plain scalar that reads as a finite number in invariant culture; null (and no error) otherwise.</summary>
    public static double? AsNumber(PolicyNode node) =>
        node.Value is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text }
        && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;

    public TimeSpan? Duration(PolicyNode? node)
    {
        if (node is not { } n || PlainScalar(n, "a duration") is not { } text)
            return null;
        if (PolicyDuration.TryParse(text, out var duration, out var problem))
            return duration;
        Error(n, problem);
        return null;
    }

    /// <summary>The text of a plain (unquoted) scalar: numbers, booleans and durations are never quoted.</summary>
    private string? PlainScalar(PolicyNode n, string expected)
    {
        if (n.Value is not YamlScalarNode scalar)
        {
            Error(n, $"expected {expected}, found {Describe(n.Value)}");
            return null;
        }

        if (IsEmpty(scalar))
        {
            Error(n, $"value is empty: expected {expected}");
            return null;
        }

        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            Error(n, $"expected {expected} without quotes, found the text \"{scalar.Value}\"");
            return null;
        }

        return scalar.Value!;
    }

    private static bool IsEmpty(YamlScalarNode scalar) =>
        string.IsNullOrEmpty(scalar.Value)
        || (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && Nulls.Contains(scalar.Value));

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsEmpty(scalar) => "an empty value",
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        _ => "something else",
    };
}
