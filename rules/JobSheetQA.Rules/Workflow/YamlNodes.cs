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

    /// <summary>The last source line a node covers: block scalars and block collections end at column 1 of the next line.</summary>
    public static int LastLine(this YamlNode node) =>
        node.End.Column == 1 && node.End.Line > node.Start.Line ? (int)node.End.Line - 1 : (int)node.End.Line;

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
