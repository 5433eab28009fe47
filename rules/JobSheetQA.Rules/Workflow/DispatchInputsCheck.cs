using JobSheetQA.Rules.Facts;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Workflow;

/// <summary>Compares the <c>workflow_dispatch</c> inputs with runbook §2.1, one problem sentence per difference.</summary>
internal static class DispatchInputsCheck
{
    /// <summary>Runbook §2.1, in the runbook's order.</summary>
    public static readonly IReadOnlyList<RunbookInput> Runbook =
    [
        new(WorkflowInputNames.TargetEnvironment, "choice", Required: true,
            Options: [EnvironmentNames.Staging, EnvironmentNames.Production]),
        new(WorkflowInputNames.UseNightlyParity, "boolean", Required: false, Default: "false"),
        new(WorkflowInputNames.SkipParity, "boolean", Required: false, Default: "false"),
        new(WorkflowInputNames.SkipParityAcknowledgement, "string", Required: false, ForbidsDefault: true),
    ];

    /// <summary>Not in the runbook: the bot's correlation id, optional so manual runs (runbook §2.2) need not type one.</summary>
    private static readonly RunbookInput CorrelationId = new(WorkflowInputNames.CorrelationId, "string", Required: false);

    /// <summary>Checks <paramref name="inputs"/> (the node under <c>workflow_dispatch: inputs:</c>, null when absent).</summary>
    /// <param name="inputs">The declared inputs.</param>
    /// <param name="line">The <c>inputs:</c> line, or the <c>workflow_dispatch</c> line when there is none: where a missing input belongs.</param>
    /// <param name="problems">Receives one sentence per difference.</param>
    /// <returns>Whether a usable <c>correlation_id</c> input exists.</returns>
    public static bool Check(YamlNode? inputs, int line, ICollection<string> problems)
    {
        if (inputs.IsNull())
        {
            foreach (var input in Runbook)
            {
                problems.Add($"Line {line}: workflow_dispatch has no input {input.Name} (runbook §2.1: {input.Summary})");
            }

            return false;
        }

        if (inputs is not YamlMappingNode declared)
        {
            problems.Add($"Line {inputs!.Line()}: workflow_dispatch inputs must be a mapping of input names, found {inputs.Describe()}");
            return false;
        }

        foreach (var input in Runbook)
        {
            var (key, definition) = declared.Entry(input.Name);
            if (key is null)
            {
                problems.Add($"Line {line}: workflow_dispatch has no input {input.Name} (runbook §2.1: {input.Summary})");
            }
            else
            {
                CheckOne(input, key, definition, problems);
            }
        }

        var hasCorrelationId = false;
        var (correlationKey, correlationDefinition) = declared.Entry(CorrelationId.Name);
        if (correlationKey is not null)
        {
            var before = problems.Count;
            CheckOne(CorrelationId, correlationKey, correlationDefinition, problems);
            hasCorrelationId = problems.Count == before;
        }

        CheckUnknown(declared, problems);
        return hasCorrelationId;
    }

    private static void CheckOne(RunbookInput expected, YamlScalarNode key, YamlNode? definition, ICollection<string> problems)
    {
        var name = expected.Name;
        var line = key.Line();
        if (!definition.IsNull() && definition is not YamlMappingNode)
        {
            problems.Add($"Line {line}: input {name} must be a mapping (type, required, default), found {definition!.Describe()}");
            return;
        }

        var fields = definition as YamlMappingNode;

        // GitHub treats an input without a type as a string.
        var typeNode = fields?.Child("type");
        var type = typeNode.Text();
        if (!string.Equals(type ?? "string", expected.Type, StringComparison.Ordinal))
        {
            problems.Add(type is null
                ? $"Line {line}: input {name} has no type (GitHub reads it as a string); runbook §2.1 requires type {expected.Type}"
                : $"Line {typeNode!.Line()}: input {name} has type {type}; runbook §2.1 requires type {expected.Type}");
        }

        var requiredNode = fields?.Child("required");
        var required = requiredNode.IsNull() ? false : requiredNode.AsBoolean();
        if (required is null)
        {
            problems.Add($"Line {requiredNode!.Line()}: input {name} has required: {requiredNode.Text() ?? requiredNode.Describe()}, which is neither true nor false");
        }
        else if (required != expected.Required)
        {
            problems.Add(expected.Required
                ? $"Line {(requiredNode.IsNull() ? line : requiredNode!.Line())}: input {name} must be required: true (runbook §2.1)"
                : $"Line {requiredNode!.Line()}: input {name} must not be required (runbook §2.1: optional)");
        }

        CheckDefault(expected, line, fields?.Child("default"), problems);

        if (expected.Options is not null)
        {
            CheckOptions(expected, line, fields?.Child("options"), problems);
        }
    }

    private static void CheckDefault(RunbookInput expected, int line, YamlNode? defaultNode, ICollection<string> problems)
    {
        var name = expected.Name;
        if (expected.ForbidsDefault && !defaultNode.IsNull() && defaultNode.Text() is not "")
        {
            problems.Add($"Line {defaultNode!.Line()}: input {name} has a default; it must be typed each time, never pre-filled (runbook §2.4)");
        }

        if (expected.Default is null)
        {
            return;
        }

        if (defaultNode.IsNull())
        {
            problems.Add($"Line {line}: input {name} has no default; runbook §2.1 requires default: {expected.Default}");
        }
        else if (!string.Equals(defaultNode.AsBoolean()?.ToString(), expected.Default, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Line {defaultNode!.Line()}: input {name} has default: {defaultNode.Text() ?? defaultNode.Describe()}; runbook §2.1 requires default: {expected.Default}");
        }
    }

    private static void CheckOptions(RunbookInput expected, int line, YamlNode? optionsNode, ICollection<string> problems)
    {
        var name = expected.Name;
        var wanted = string.Join(", ", expected.Options!);
        if (optionsNode is not YamlSequenceNode list)
        {
            problems.Add(optionsNode.IsNull()
                ? $"Line {line}: input {name} has no options; runbook §2.1 requires exactly [{wanted}]"
                : $"Line {optionsNode!.Line()}: input {name} options must be a list, found {optionsNode.Describe()}; runbook §2.1 requires exactly [{wanted}]");
            return;
        }

        var found = list.Children.Select(option => (option as YamlScalarNode)?.Value ?? option.Describe()).ToList();
        var exact = found.Count == expected.Options!.Count
                    && found.Distinct(StringComparer.Ordinal).Count() == found.Count
                    && expected.Options.All(option => found.Contains(option, StringComparer.Ordinal));
        if (!exact)
        {
            problems.Add($"Line {list.Line()}: input {name} has options [{string.Join(", ", found)}]; runbook §2.1 requires exactly [{wanted}]");
        }
    }

    /// <summary>An extra input is fine unless it is required without a default: the bot would not send it and GitHub would refuse the dispatch.</summary>
    private static void CheckUnknown(YamlMappingNode declared, ICollection<string> problems)
    {
        foreach (var (key, definition) in declared.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || name == CorrelationId.Name || Runbook.Any(input => input.Name == name))
            {
                continue;
            }

            var fields = definition as YamlMappingNode;
            if (fields?.Child("required").AsBoolean() == true && fields.Child("default").IsNull())
            {
                problems.Add($"Line {key.Line()}: input {name} is required and has no default, but it is not a runbook §2.1 input, so a dispatch without it fails");
            }
        }
    }
}
