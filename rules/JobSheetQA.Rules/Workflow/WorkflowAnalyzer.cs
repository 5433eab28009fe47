using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Workflow;

/// <summary>
/// Reads a <c>promotion.yml</c> text and reports how it meets runbook §2.1 (the dispatch inputs) and §5.1 (no
/// <c>|| true</c> bypass, an acknowledgement check, the parity report source). Never throws on bad input: a file that
/// is not valid YAML or not a workflow comes back as a result whose <see cref="WorkflowAnalysis.InputProblems"/> say why.
/// </summary>
public static partial class WorkflowAnalyzer
{
    /// <summary>The runbook's phrase (§2.4, §5.4); callers pass the one from <c>policy.yaml</c>.</summary>
    public const string DefaultAcknowledgementPhrase = "I_ACCEPT_PARITY_SKIP";

    /// <summary>Where the Parity Gate's report must come from (runbook §5.1, §5.2).</summary>
    public const string ParityReportPath = "parity/reports/latest.json";

    /// <summary>A workflow nests about ten levels (jobs → job → steps → step → with → …); far more is not a workflow.</summary>
    private const int MaxNesting = 64;

    public static WorkflowAnalysis Analyze(string yaml, string acknowledgementPhrase = DefaultAcknowledgementPhrase)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(acknowledgementPhrase);

        var text = WorkflowText.Of(yaml);
        var phrase = PhrasePattern(acknowledgementPhrase);
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(yaml.Trim('\uFEFF')))
        {
            problems.Add("The workflow file is empty: expected a GitHub Actions workflow with on: workflow_dispatch and jobs:");
            return GrepOnly(text, phrase, problems);
        }

        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(new StringReader(yaml.TrimStart('\uFEFF'))), MaxNesting);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // The grep checks still run: they need no structure, and the user learns about a bypass in the same reply.
            problems.Add($"Line {ex.Start.Line}, column {ex.Start.Column}: the workflow file is not valid YAML ({Reason(ex)})");
            return GrepOnly(text, phrase, problems);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; the file is untrusted, so it is a result.
            problems.Add($"Line {parser.Current?.End.Line ?? 1}: the workflow file is not valid YAML (the parser could not read past this line)");
            return GrepOnly(text, phrase, problems);
        }

        if (stream.Documents.Count == 0)
        {
            problems.Add("The workflow file holds only comments: expected a GitHub Actions workflow with on: workflow_dispatch and jobs:");
            return GrepOnly(text, phrase, problems);
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add($"Line {stream.Documents[1].RootNode.Line()}: the file holds {stream.Documents.Count} YAML documents; a workflow is exactly one");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            problems.Add($"Line {node.Line()}: the document is {node.Describe()}, not a workflow (a mapping with on: and jobs:)");
            return GrepOnly(text, phrase, problems);
        }

        return AnalyzeWorkflow(root, text, phrase, problems);
    }

    private static WorkflowAnalysis AnalyzeWorkflow(YamlMappingNode root, WorkflowText text, Regex phrase, List<string> problems)
    {
        // YamlDotNet's representation model keeps the key's text, so `on` is not turned into YAML 1.1's boolean true.
        var (onKey, trigger) = root.Entry("on");
        var hasDispatch = false;
        var hasCorrelationId = false;
        (int First, int Last)? triggerLines = null;

        if (onKey is null)
        {
            problems.Add("The workflow has no on: key, so nothing can start it; runbook §2.2 needs on: workflow_dispatch");
        }
        else
        {
            triggerLines = (onKey.Line(), trigger!.LastLine());
            var dispatch = FindDispatch(trigger!, out var dispatchLine, problems);
            hasDispatch = dispatch.Found;
            if (hasDispatch)
            {
                hasCorrelationId = DispatchInputsCheck.Check(dispatch.Inputs, dispatchLine, problems);
            }
            else if (dispatchLine > 0)
            {
                problems.Add($"Line {onKey.Line()}: on: does not include workflow_dispatch, so the workflow cannot be dispatched (runbook §2.2)");
            }
        }

        var jobs = root.Child("jobs") as YamlMappingNode;
        if (jobs is null || jobs.Children.Count == 0)
        {
            problems.Add("The workflow has no jobs: mapping, so it runs no gates (runbook §2.3)");
        }

        CheckUntypedBooleanConditions(jobs, problems);

        // Lines inside on: only declare inputs (their descriptions may quote the phrase); they check nothing.
        bool OutsideTrigger(int line) => triggerLines is not { } range || line < range.First || line > range.Last;
        var readsAcknowledgement = text
            .LinesWhere(line => !WorkflowText.IsCommentLine(line) && AcknowledgementInputPattern().IsMatch(line))
            .Any(OutsideTrigger);

        var acknowledgementLines = readsAcknowledgement
            ? text.LinesWhere(line => !WorkflowText.IsCommentLine(line) && phrase.IsMatch(line)).Where(OutsideTrigger).ToList()
            : [];
        var parityLines = text.LinesWhere(ReadsParityReport).Where(OutsideTrigger).ToList();

        return new WorkflowAnalysis(
            hasDispatch,
            problems,
            BypassLines(text, jobs),
            acknowledgementLines,
            parityLines,
            hasCorrelationId)
        {
            Jobs = Jobs(jobs),
        };
    }

    /// <summary>Finds <c>workflow_dispatch</c> in any of the three shapes of <c>on:</c>: a string, a list or a mapping.</summary>
    private static (bool Found, YamlNode? Inputs) FindDispatch(YamlNode trigger, out int line, List<string> problems)
    {
        const string Dispatch = "workflow_dispatch";
        line = trigger.Line();
        switch (trigger)
        {
            case YamlScalarNode when trigger.IsNull():
                problems.Add($"Line {line}: on: is empty, so nothing can start the workflow; runbook §2.2 needs on: workflow_dispatch");
                line = 0;
                return (false, null);
            case YamlScalarNode scalar:
                return (scalar.Value == Dispatch, null);
            case YamlSequenceNode list:
                return (list.Children.OfType<YamlScalarNode>().Any(s => s.Value == Dispatch), null);
            case YamlMappingNode events:
                var (key, settings) = events.Entry(Dispatch);
                if (key is null)
                {
                    return (false, null);
                }

                line = key.Line();
                if (settings.IsNull())
                {
                    return (true, null);
                }

                if (settings is YamlMappingNode mapping)
                {
                    var (inputsKey, inputs) = mapping.Entry("inputs");
                    line = inputsKey?.Line() ?? line;
                    return (true, inputs);
                }

                problems.Add($"Line {settings!.Line()}: workflow_dispatch must be empty or a mapping with inputs:, found {settings.Describe()}");
                return (true, null);
            default:
                return (false, null);
        }
    }

    /// <summary>
    /// Every line the runbook §5.1 grep would print, plus bypasses the grep cannot see because a <c>run:</c> script
    /// splits them over lines (<c>make ||</c> then <c>true</c>, a shell continuation, or a folded scalar).
    /// </summary>
    private static IReadOnlyList<int> BypassLines(WorkflowText text, YamlMappingNode? jobs)
    {
        var lines = new SortedSet<int>(text.LinesWhere(WorkflowText.HasBypass));
        foreach (var run in RunScripts(jobs))
        {
            if (!WorkflowText.HasBypass(WorkflowText.JoinContinuations(run.Value ?? string.Empty)))
            {
                continue;
            }

            int first = run.Line(), last = run.LastLine();
            if (text.LinesWhere(WorkflowText.HasBypass, first, last).Any())
            {
                continue;
            }

            var split = text.LinesWhere(WorkflowText.EndsWithOr, first, last)
                .Where(line => NextNonBlank(text, line, last) is { } next && WorkflowText.StartsWithTrue(text[next].TrimStart().TrimStart('\\')))
                .ToList();
            if (split.Count == 0)
            {
                // Only the parsed script shows it (a quoted scalar's escapes, say): point at the run: itself.
                split.Add(first);
            }

            lines.UnionWith(split);
        }

        return lines.ToList();
    }

    private static int? NextNonBlank(WorkflowText text, int line, int last)
    {
        for (var next = line + 1; next <= last; next++)
        {
            if (!string.IsNullOrWhiteSpace(text[next]))
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>github.event.inputs.skip_parity</c> is the string <c>'false'</c>, which an <c>if:</c> reads as true
    /// (actions/runner#1483): such a condition skips the Parity Gate when nobody asked to. Only a comparison with a
    /// quoted string (<c>== 'true'</c>) reads it correctly; the typed <c>inputs.skip_parity</c> is a real boolean.
    /// </summary>
    private static void CheckUntypedBooleanConditions(YamlMappingNode? jobs, List<string> problems)
    {
        foreach (var condition in Conditions(jobs))
        {
            foreach (Match match in UntypedBooleanPattern().Matches(condition.Value ?? string.Empty))
            {
                var input = match.Groups["input"].Value;
                problems.Add($"Line {condition.Line()}: if: reads github.event.inputs.{input} as a boolean, but it is a string in which 'false' counts as true; use inputs.{input} (runbook §2.1)");
            }
        }
    }

    /// <summary>Every job's and step's <c>if:</c>.</summary>
    private static IEnumerable<YamlScalarNode> Conditions(YamlMappingNode? jobs)
    {
        foreach (var job in jobs?.Children.Values.OfType<YamlMappingNode>() ?? [])
        {
            if (job.Child("if") is YamlScalarNode jobCondition)
            {
                yield return jobCondition;
            }

            foreach (var step in (job.Child("steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
            {
                if (step.Child("if") is YamlScalarNode stepCondition)
                {
                    yield return stepCondition;
                }
            }
        }
    }

    /// <summary>The scalar under each step's <c>run:</c>.</summary>
    private static IEnumerable<YamlScalarNode> RunScripts(YamlMappingNode? jobs)
    {
        if (jobs is null)
        {
            yield break;
        }

        foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
        {
            if (job.Child("steps") is not YamlSequenceNode steps)
            {
                continue;
            }

            foreach (var step in steps.Children.OfType<YamlMappingNode>())
            {
                if (step.Child("run") is YamlScalarNode run)
                {
                    yield return run;
                }
            }
        }
    }

    /// <summary>Each job under <c>jobs:</c> whose key is a name and whose value is a mapping (anything else is not a job GitHub would run).</summary>
    private static IReadOnlyList<WorkflowJob> Jobs(YamlMappingNode? jobs) =>
        jobs is null
            ? []
            : jobs.Children
                .Where(job => job.Key is YamlScalarNode { Value.Length: > 0 } && job.Value is YamlMappingNode)
                .Select(job => new WorkflowJob(
                    ((YamlScalarNode)job.Key).Value!,
                    ((YamlMappingNode)job.Value).Child("name").Text(),
                    job.Key.Line(),
                    job.Value.LastLine()))
                .ToList();

    /// <summary>For text that did not parse as a workflow: the plain §5.1 greps, so a bypass is still reported.</summary>
    private static WorkflowAnalysis GrepOnly(WorkflowText text, Regex phrase, List<string> problems) =>
        new(
            HasWorkflowDispatch: false,
            problems,
            text.LinesWhere(WorkflowText.HasBypass).ToList(),
            text.LinesWhere(line => !WorkflowText.IsCommentLine(line) && phrase.IsMatch(line)).ToList(),
            text.LinesWhere(ReadsParityReport).ToList(),
            HasCorrelationIdInput: false);

    private static bool ReadsParityReport(string line) =>
        !WorkflowText.IsCommentLine(line) && line.Contains(ParityReportPath, StringComparison.Ordinal);

    /// <summary>The phrase as a whole token, case-sensitive (runbook §5.4): <c>I_ACCEPT_PARITY_SKIP_2</c> is another phrase.</summary>
    private static Regex PhrasePattern(string phrase) =>
        new($@"(?<![\w-]){Regex.Escape(phrase)}(?![\w-])", RegexOptions.CultureInvariant);

    private static string Reason(YamlException ex)
    {
        var reason = ex.Message;
        var inner = ex.InnerException?.Message;
        return string.IsNullOrEmpty(inner) || reason.Contains(inner, StringComparison.Ordinal) ? reason : $"{reason} {inner}";
    }

    /// <summary>A boolean input read through <c>github.event.inputs</c> and not compared with a quoted string.</summary>
    [GeneratedRegex(@"github\.event\.inputs\.(?<input>skip_parity|use_nightly_parity)\b(?!\s*[=!]=\s*['""])", RegexOptions.CultureInvariant)]
    private static partial Regex UntypedBooleanPattern();

    /// <summary><c>inputs.skip_parity_acknowledgement</c> (also via <c>github.event.inputs</c> or index syntax).</summary>
    [GeneratedRegex(@"inputs\s*(\.\s*skip_parity_acknowledgement\b|\[\s*['""]skip_parity_acknowledgement['""]\s*\])", RegexOptions.CultureInvariant)]
    private static partial Regex AcknowledgementInputPattern();
}
