using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>The parts of a workflow file the sandbox needs: name, run-name and the dispatch inputs.</summary>
internal sealed partial record WorkflowDefinition(
    string? Name,
    string? RunName,
    bool HasWorkflowDispatch,
    IReadOnlyDictionary<string, WorkflowInput> Inputs,
    string? ParseError)
{
    public static WorkflowDefinition Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return Invalid($"Invalid workflow file: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return Invalid("Invalid workflow file: not a mapping");
        }

        var name = Scalar(root, "name");
        var runName = Scalar(root, "run-name");
        var on = Child(root, "on");
        YamlNode? dispatch = null;
        var hasDispatch = on switch
        {
            YamlScalarNode s => s.Value == "workflow_dispatch",
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Any(s => s.Value == "workflow_dispatch"),
            YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "workflow_dispatch"),
            _ => false,
        };
        if (on is YamlMappingNode onMap)
        {
            dispatch = Child(onMap, "workflow_dispatch");
        }

        var inputs = new Dictionary<string, WorkflowInput>(StringComparer.Ordinal);
        if (dispatch is YamlMappingNode dispatchMap && Child(dispatchMap, "inputs") is YamlMappingNode inputsMap)
        {
            foreach (var (key, value) in inputsMap.Children)
            {
                if (key is not YamlScalarNode { Value: { } inputName })
                {
                    continue;
                }

                var spec = value as YamlMappingNode;
                var options = spec is not null && Child(spec, "options") is YamlSequenceNode optionNodes
                    ? optionNodes.Children.OfType<YamlScalarNode>().Select(o => o.Value ?? "").ToList()
                    : [];
                inputs[inputName] = new WorkflowInput(
                    inputName,
                    (spec is null ? null : Scalar(spec, "type")) ?? "string",
                    spec is not null && Scalar(spec, "required") == "true",
                    spec is null ? null : Scalar(spec, "default"),
                    options);
            }
        }

        return new WorkflowDefinition(name, runName, hasDispatch, inputs, null);
    }

    /// <summary>
    /// Evaluates <c>run-name</c> for the given inputs. Supports the expressions a run-name uses here:
    /// <c>inputs.x</c>, <c>github.event.inputs.x</c>, <c>'literal'</c> and <c>a || b</c>.
    /// </summary>
    public string DisplayTitle(IReadOnlyDictionary<string, string> inputs, string fallback)
    {
        if (string.IsNullOrWhiteSpace(RunName))
        {
            return fallback;
        }

        // As GitHub's expressions: a || b is the first truthy operand, else the last one; a lone false boolean input prints "false".
        return ExpressionPattern().Replace(RunName, match =>
        {
            var value = "";
            foreach (var operand in match.Groups[1].Value.Split("||"))
            {
                value = Evaluate(operand.Trim(), inputs) ?? "";
                if (!string.IsNullOrEmpty(value) && value != "false")
                {
                    return value;
                }
            }

            return value;
        });
    }

    private static string? Evaluate(string operand, IReadOnlyDictionary<string, string> inputs)
    {
        if (operand.Length >= 2 && operand[0] == '\'' && operand[^1] == '\'')
        {
            return operand[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        foreach (var prefix in new[] { "inputs.", "github.event.inputs." })
        {
            if (operand.StartsWith(prefix, StringComparison.Ordinal))
            {
                return inputs.TryGetValue(operand[prefix.Length..], out var value) ? value : "";
            }
        }

        return "";
    }

    private static WorkflowDefinition Invalid(string error) =>
        new(null, null, false, new Dictionary<string, WorkflowInput>(), error);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"\$\{\{\s*(.+?)\s*\}\}")]
    private static partial Regex ExpressionPattern();
}
