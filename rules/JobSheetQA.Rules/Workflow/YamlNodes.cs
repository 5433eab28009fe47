using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Workflow;

/// <summary>Small helpers over YamlDotNet's representation model (which keeps scalar text as written, so <c>on</c> stays <c>on</c>).</summary>
internal static class YamlNodes
{
    /// <summary>The value under <paramref name="key"/> and the key node itself (for its line), or nulls.</summary>
    public static (YamlScalarNode? Key, YamlNode? Value) Entry(this YamlMappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return (scalar, v);
            }
        }

        return (null, null);
    }

    public static YamlNode? Child(this YamlMappingNode mapping, string key) => mapping.Entry(key).Value;

    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes: YAML's null.</summary>
    public static bool IsNull([NotNullWhen(false)] this YamlNode? node) =>
        node is null
        || node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
           && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>YAML 1.2 core-schema booleans; anything else (including YAML 1.1's <c>yes</c>/<c>on</c>) is not one.</summary>
    public static bool? AsBoolean(this YamlNode? node) =>
        (node as YamlScalarNode)?.Value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };

    public static string? Text(this YamlNode? node) => node.IsNull() ? null : (node as YamlScalarNode)?.Value;

    public static int Line(this YamlNode node) => (int)node.Start.Line;

    /// <summary>
    /// The last source line a node covers. Block scalars end at column 1 of the next line; collections carry no end
    /// mark in the representation model, so theirs is the last line of their last descendant. Each node is visited
    /// once, so aliases (even self-referencing ones, or "billion laughs" nesting) cost nothing extra.
    /// </summary>
    public static int LastLine(this YamlNode node)
    {
        var last = node.Line();
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(node);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            switch (current)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        pending.Push(key);
                        pending.Push(value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        pending.Push(child);
                    }

                    break;
                default:
                    var end = current.End.Column == 1 && current.End.Line > current.Start.Line ? current.End.Line - 1 : current.End.Line;
                    last = Math.Max(last, (int)end);
                    break;
            }
        }

        return last;
    }

    public static string Describe(this YamlNode? node) => node switch
    {
        null => "nothing",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when node.IsNull() => "empty",
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        _ => "an unexpected node",
    };
}
