using System.Text.Json;
using Json.Schema;

namespace JobSheetQA.Rules.Parity;

/// <summary>
/// Turns JsonSchema.Net's hierarchical evaluation results into the errors a person needs: only failures that made the
/// document invalid (a failed <c>anyOf</c> branch is noise when a sibling branch passed), with plain wording for the
/// cryptic ones, quoting the schema's allowed values and patterns.
/// </summary>
internal static class SchemaErrorCollector
{
    /// <param name="root">Hierarchical results.</param>
    /// <param name="schema">The schema document that produced them, to quote its keywords.</param>
    public static IReadOnlyList<(string Pointer, string Message)> Collect(EvaluationResults root, JsonElement schema)
    {
        var errors = new List<(string Pointer, string Message)>();
        Walk(root, schema, errors);
        return errors.Distinct().ToArray();
    }

    private static void Walk(EvaluationResults node, JsonElement schema, List<(string Pointer, string Message)> into)
    {
        if (node.IsValid)
        {
            return;
        }

        var pointer = node.InstanceLocation.ToString();
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            into.Add((pointer, Describe(node, schema, keyword, message)));
        }

        var alternatives = new Dictionary<string, List<EvaluationResults>>(StringComparer.Ordinal);
        foreach (var child in node.Details ?? [])
        {
            var path = child.EvaluationPath.ToString();
            var parent = path[..Math.Max(path.LastIndexOf('/'), 0)];
            var keyword = JsonLocationIndex.LastToken(parent);
            if (keyword is "anyOf" or "oneOf")
            {
                if (!alternatives.TryGetValue(parent, out var branches))
                {
                    alternatives[parent] = branches = [];
                }

                branches.Add(child);
            }
            else if (JsonLocationIndex.LastToken(path) is not ("if" or "not"))
            {
                // A failing "if" only selects "else", and a failing "not" body is success; neither is an error.
                Walk(child, schema, into);
            }
        }

        foreach (var branches in alternatives.Values)
        {
            // oneOf with several passing branches is reported by the keyword itself on this node.
            if (branches.Any(b => b.IsValid))
            {
                continue;
            }

            var reasons = branches.Select(b =>
            {
                var inner = new List<(string Pointer, string Message)>();
                Walk(b, schema, inner);
                return string.Join(", ", inner.Select(e => e.Message).Distinct());
            });
            into.Add((pointer, "matches none of the allowed forms: " + string.Join("; or ", reasons)));
        }
    }

    private static string Describe(EvaluationResults node, JsonElement schema, string keyword, string message)
    {
        var schemaKeyword = JsonLocationIndex.LastToken(node.EvaluationPath.ToString());
        var name = JsonLocationIndex.LastToken(node.InstanceLocation.ToString());
        if (keyword.Length == 0 && schemaKeyword == "additionalProperties")
        {
            return $"unknown property \"{name}\" is not allowed";
        }

        var value = KeywordValue(node, schema, keyword);
        return (keyword, value) switch
        {
            ("pattern", { ValueKind: JsonValueKind.String } pattern) when node.EvaluationPath.ToString().Contains("/propertyNames", StringComparison.Ordinal) =>
                $"property name \"{name}\" is not allowed: it must match {pattern.GetString()}",
            ("pattern", { ValueKind: JsonValueKind.String } pattern) => $"does not match the pattern {pattern.GetString()}",
            ("enum", { ValueKind: JsonValueKind.Array } allowed) => "must be one of " + string.Join(", ", allowed.EnumerateArray().Select(v => v.GetRawText())),
            ("const", { } expected) => "must be " + expected.GetRawText(),
            _ => message,
        };
    }

    /// <summary>The value of <paramref name="keyword"/> in the subschema that failed, found through its schema location's fragment.</summary>
    private static JsonElement? KeywordValue(EvaluationResults node, JsonElement schema, string keyword)
    {
        var fragment = node.SchemaLocation?.Fragment;
        if (fragment is null || !fragment.StartsWith('#'))
        {
            return null;
        }

        var current = schema;
        var pointer = Uri.UnescapeDataString(fragment[1..]);
        foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Append(keyword))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(name, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
