using System.Text;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence.Parity;
using JobSheetQA.Rules.Parity;
using JobSheetQA.Rules.Parity.Pairing;

namespace JobSheetQA.Bot.Chat.Evidence;

/// <summary>
/// The words of a run's parity results (runbook §5.2), the same in a failure notice and in <c>parity</c>: each violated
/// metric with its value, threshold and margin, what was paired and what could not be, and when nothing could be
/// compared the gate's annotations or the end of its log; always where the artifact is.
/// </summary>
public static class ParityEvidenceText
{
    private const int MaxAnnotations = 10;
    private const int MaxListed = 12;
    private const int MaxViolations = 25;

    public static string Describe(ParityEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var text = new StringBuilder();
        if (evidence.Compared)
            AppendComparison(text, evidence.Comparison!, evidence.ReportEntry ?? "latest.json");
        else
            AppendNotCompared(text, evidence);

        text.Append('\n').Append(Where(evidence));
        return text.ToString();
    }

    /// <summary>One violated metric, e.g. <c>field_accuracy 0.91 &lt; min 0.95 (short by 0.04)</c>.</summary>
    public static string Violation(ParityCheck check) => check.Outcome switch
    {
        ParityCheckOutcome.Missing => $"{check.Metric} missing from the report ({Bound(check)}){(check.Required ? "" : "; the thresholds do not require it")}",
        ParityCheckOutcome.NotANumber when check.RawValue is { } raw => $"{check.Metric} is {raw} at `{check.ReportPath}`, not a number ({Bound(check)})",
        ParityCheckOutcome.NotANumber => $"{check.Metric} {ParityCheck.Format(check.Value ?? double.NaN)} is not a finite number ({Bound(check)})",
        _ => $"{check.Metric} {ParityCheck.Format(check.Value!.Value)} {(check.Bound == ParityBound.Min ? "<" : ">")} {Bound(check)}"
            + (check.Margin is { } margin ? $" ({(check.Bound == ParityBound.Min ? "short" : "over")} by {ParityCheck.Format(Math.Abs(margin))})" : ""),
    } + (check.BoundAssumed ? "; direction assumed from the name" : "");

    private static void AppendComparison(StringBuilder text, ParityComparison comparison, string report)
    {
        var how = comparison.Mode == ParityPairingMode.Mapping ? "policy.yaml parity mapping" : "default pairing";
        var violations = comparison.Violations;
        text.Append(violations.Count == 0
            ? $"Parity (runbook §5.2): `{report}` is within every threshold compared ({how})."
            : $"Parity violations (runbook §5.2), `{report}` against the thresholds ({how}):");
        foreach (var violation in violations.Take(MaxViolations))
            text.Append("\n- ").Append(Violation(violation));
        if (violations.Count > MaxViolations)
            text.Append($"\n- … and {violations.Count - MaxViolations} more (the artifact has them all)");

        var met = comparison.Checks.Where(c => c.Outcome == ParityCheckOutcome.Met).ToList();
        if (met.Count > 0)
            text.Append("\nWithin thresholds: ").Append(Listed(met.Select(c => $"{c.Metric} {ParityCheck.Format(c.Value!.Value)} ({Bound(c)})").ToList(), ", "));
        foreach (var missing in comparison.MissingNotRequired)
            text.Append("\n- ").Append(Violation(missing));
        if (comparison.Unpaired.Count > 0)
            text.Append("\nCould not pair: ").Append(Listed(comparison.Unpaired, "; "));
        if (comparison.NotGated.Count > 0)
            text.Append("\nNot gated (no threshold): ").Append(Listed(comparison.NotGated, ", "));
    }

    private static void AppendNotCompared(StringBuilder text, ParityEvidence evidence)
    {
        var why = evidence.ReadProblems
            .Concat(evidence.Comparison?.Problems ?? [])
            .Concat(evidence.Comparison?.Unpaired ?? [])
            .ToList();
        text.Append("The parity report could not be compared with the thresholds")
            .Append(why.Count > 0 ? ": " + Listed(why, "; ") : ".");

        if (evidence.Annotations.Count > 0)
        {
            text.Append("\nThe Parity Gate job's annotations:");
            foreach (var annotation in evidence.Annotations.Take(MaxAnnotations))
                text.Append("\n- ").Append(annotation.Level == "failure" ? "" : annotation.Level + ": ").Append(Truncate(annotation.Message, 300));
            if (evidence.Annotations.Count > MaxAnnotations)
                text.Append($"\n- … and {evidence.Annotations.Count - MaxAnnotations} more");
        }

        if (evidence.LogTail is { Lines.Count: > 0 } tail)
        {
            text.Append($"\nThe last {tail.Lines.Count} lines of the Parity Gate job's log{(tail.Truncated ? " (earlier lines left out)" : "")}:\n```text\n")
                .Append(string.Join('\n', tail.Lines.Select(l => l.Replace("```", "'''", StringComparison.Ordinal))))
                .Append("\n```");
        }

        if (evidence.FallbackProblems.Count > 0)
            text.Append("\nNot readable either: ").Append(Listed(evidence.FallbackProblems, "; "));
    }

    private static string Where(ParityEvidence evidence)
    {
        var run = evidence.Run.RunUrl is { } url ? $"[run {evidence.Run.RunId}]({url})" : $"run {evidence.Run.RunId}";
        var artifact = evidence.ArtifactUrl is { } link
            ? $"[{ParityArtifactName}]({link})"
            : $"no readable `{ParityArtifactName}` artifact";
        return $"Report: {artifact} · {run} · commit `{ChatText.ShortSha(evidence.Run.CommitSha)}`";
    }

    private const string ParityArtifactName = JobSheetQA.Bot.GitHub.ParityArtifact.DefaultName;

    private static string Bound(ParityCheck check) =>
        $"{(check.Bound == ParityBound.Min ? "min" : "max")} {ParityCheck.Format(check.Threshold)}";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string Listed(IReadOnlyList<string> items, string separator) =>
        items.Count <= MaxListed ? string.Join(separator, items) : string.Join(separator, items.Take(MaxListed)) + $"{separator}… and {items.Count - MaxListed} more";
}
