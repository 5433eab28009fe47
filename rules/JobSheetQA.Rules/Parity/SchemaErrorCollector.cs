using Json.Schema;

namespace JobSheetQA.Rules.Parity;

/// <summary>
/// Turns JsonSchema.Net's hierarchical evaluation results into the errors a person needs: only failures that made the
/// document invalid (a failed <c>anyOf</c> branch is noise when a sibling branch passed), with plain wording for the
/// cryptic ones.
/// </summary>
internal static class SchemaErrorCollector
{
    public static IReadOnlyList<(string Pointer, string Message)> Collect(EvaluationResults root)
    {
        var errors = new List<(string Pointer, string Message)>();
        Walk(root, errors);
        return errors.Distinct().ToArray();
    }

    private static void Walk(EvaluationResults node, List<(string Pointer, string Message)> into)
    {
        if (node.IsValid)
        {
            return;
        }

        var pointer = node.InstanceLocation.ToString();
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            into.Add((pointer, Describe(node, keyword, message)));
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
                Walk(child, into);
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
                Walk(b, inner);
                return string.Join(", ", inner.Select(e => e.Message).Distinct());
            });
            into.Add((pointer, "matches none of the allowed forms: " + string.Join("; or ", reasons)));
        }
    }

    private static string Describe(EvaluationResults node, string keyword, string message)
    {
        var schemaKeyword = JsonLocationIndex.LastToken(node.EvaluationPath.ToString());
        var name = JsonLocationIndex.LastToken(node.InstanceLocation.ToString());
        if (keyword.Length == 0 && schemaKeyword == "additionalProperties")
        {
            return $"unknown property \"{name}\" is not allowed";
        }

        if (keyword == "pattern" && node.EvaluationPath.ToString().Contains("/propertyNames", StringComparison.Ordinal))
        {
            return $"property name \"{name}\" is not allowed: names are snake_case (a lower-case letter, then lower-case letters, digits or underscores)";
        }

        return message;
    }
}
