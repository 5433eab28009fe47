using JobSheetQA.Rules.Parity;
using JobSheetQA.Rules.Parity.Pairing;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Parity;

/// <summary>The default pairing and the policy.yaml mapping (parity/README.md "Any shape").</summary>
public sealed class ParityPairerTests
{
    private const string IssueReport = """
        {"generated_at": "2026-12-01T02:00:00Z", "summary": {"total": 200, "passed": 181, "failed": 19},
         "metrics": {"field_accuracy": 0.91, "defect_recall": 0.83}}
        """;

    [Fact]
    public void A_value_equal_to_a_minimum_or_a_maximum_is_not_a_violation()
    {
        var comparison = ParityPairer.Compare(
            """{"metrics": {"recall": 0.95, "latency_ms": 8000}}""", """{"recall": {"min": 0.95}, "latency_ms": {"max": 8000}}""", null);

        Assert.Equal(2, comparison.Checks.Count);
        Assert.All(comparison.Checks, c => Assert.Equal(ParityCheckOutcome.Met, c.Outcome));
        Assert.Empty(comparison.Violations);
        Assert.All(comparison.Checks, c => Assert.Equal(0m, c.Margin));
    }

    [Fact]
    public void A_metric_missing_from_the_report_is_reported_missing_and_counts_against_the_gate()
    {
        var comparison = ParityPairer.Compare("""{"metrics": {"recall": 0.99}}""", """{"min_recall": 0.9, "min_precision": 0.9}""", null);

        var missing = Assert.Single(comparison.Violations);
        Assert.Equal("precision", missing.Metric);
        Assert.Equal(ParityCheckOutcome.Missing, missing.Outcome);
        Assert.Null(missing.Value);
        Assert.Null(missing.Margin);
    }

    [Fact]
    public void A_missing_metric_the_thresholds_do_not_require_is_still_reported_missing_not_passing()
    {
        var comparison = ParityPairer.Compare("""{"metrics": {}}""", """{"thresholds": {"drift": {"min": 0.9, "required": false}}}""", null);

        Assert.Empty(comparison.Violations);
        var missing = Assert.Single(comparison.MissingNotRequired);
        Assert.Equal(ParityCheckOutcome.Missing, missing.Outcome);
        Assert.NotEqual(ParityCheckOutcome.Met, missing.Outcome);
    }

    [Theory]
    [InlineData(0.949, ParityBound.Min, true)]
    [InlineData(0.951, ParityBound.Min, false)]
    [InlineData(0.951, ParityBound.Max, true)]
    [InlineData(0.949, ParityBound.Max, false)]
    public void Min_is_a_floor_and_max_a_ceiling(double value, ParityBound bound, bool violated)
    {
        var key = bound == ParityBound.Min ? "min" : "max";
        var comparison = ParityPairer.Compare("{\"score\": " + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", "{\"score\": {\"" + key + "\": 0.95}}", null);

        var check = Assert.Single(comparison.Checks);
        Assert.Equal(bound, check.Bound);
        Assert.Equal(violated, check.IsViolation);
    }

    [Fact]
    public void The_issue_shape_pairs_prefixed_thresholds_with_nested_metrics_and_lists_what_is_not_gated()
    {
        var comparison = ParityPairer.Compare(IssueReport, """{"min_field_accuracy": 0.95, "min_defect_recall": 0.85, "max_failed": 20}""", null, "latest.json", "thresholds.json");

        Assert.Equal(ParityPairingMode.Default, comparison.Mode);
        Assert.Equal(["field_accuracy", "defect_recall", "failed"], comparison.Checks.Select(c => c.Metric));
        Assert.Equal(["metrics.field_accuracy", "metrics.defect_recall", "summary.failed"], comparison.Checks.Select(c => c.ReportPath));
        Assert.Equal(["field_accuracy", "defect_recall"], comparison.Violations.Select(v => v.Metric));
        Assert.Equal(-0.04m, comparison.Violations[0].Margin);
        Assert.Equal(-0.02m, comparison.Violations[1].Margin);
        Assert.Equal(["summary.total", "summary.passed"], comparison.NotGated);
        Assert.Empty(comparison.Unpaired);
    }

    [Fact]
    public void A_bare_number_is_a_minimum_unless_the_name_says_lower_is_better_and_the_check_says_it_was_assumed()
    {
        var comparison = ParityPairer.Compare(
            """{"metrics": {"field_accuracy": 0.91, "error_rate": 0.05}}""", """{"metrics": {"field_accuracy": 0.9, "error_rate": 0.02}}""", null);

        var accuracy = comparison.Checks.Single(c => c.Metric == "field_accuracy");
        var errors = comparison.Checks.Single(c => c.Metric == "error_rate");
        Assert.Equal((ParityBound.Min, true, false), (accuracy.Bound, accuracy.BoundAssumed, accuracy.IsViolation));
        Assert.Equal((ParityBound.Max, true, true), (errors.Bound, errors.BoundAssumed, errors.IsViolation));
    }

    [Fact]
    public void This_projects_own_schema_pairs_by_the_default_rules_with_the_same_verdicts_as_the_strict_evaluator()
    {
        var report = File.ReadAllText(RepositoryFiles.PathOf("parity/samples/latest.fail.json"));
        var thresholds = File.ReadAllText(RepositoryFiles.PathOf("parity/config/thresholds.json"));

        var comparison = ParityPairer.Compare(report, thresholds, null);
        var strict = ParityEvaluator.Evaluate(report, thresholds);

        Assert.Equal(7, comparison.Checks.Count);
        Assert.Equal(strict.Value!.Violations.Select(v => v.Metric), comparison.Violations.Select(v => v.Metric));
        Assert.Empty(comparison.Unpaired);
        Assert.Contains("summary.documents", comparison.NotGated);
    }

    [Fact]
    public void Two_report_numbers_with_the_threshold_name_are_not_guessed_between()
    {
        var comparison = ParityPairer.Compare("""{"ocr": {"score": 0.9}, "validation": {"score": 0.8}}""", """{"min_score": 0.85}""", null);

        Assert.Empty(comparison.Checks);
        Assert.Contains("more than one number in the report is called score (ocr.score, validation.score)", Assert.Single(comparison.Unpaired), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_threshold_path_picks_the_report_number_at_the_same_path()
    {
        var comparison = ParityPairer.Compare(
            """{"ocr": {"score": 0.9}, "validation": {"score": 0.8}}""", """{"validation": {"score": {"min": 0.85}}}""", null);

        var check = Assert.Single(comparison.Checks);
        Assert.Equal("validation.score", check.ReportPath);
        Assert.True(check.IsViolation);
    }

    [Fact]
    public void Text_where_a_number_belongs_is_a_violation_never_a_pass()
    {
        var comparison = ParityPairer.Compare("""{"metrics": {"recall": "n/a"}}""", """{"min_recall": 0.9}""", null);

        var check = Assert.Single(comparison.Violations);
        Assert.Equal(ParityCheckOutcome.NotANumber, check.Outcome);
        Assert.Equal("\"n/a\"", check.RawValue);
    }

    [Fact]
    public void Unreadable_documents_and_unknown_threshold_shapes_are_said_and_compare_nothing()
    {
        var broken = ParityPairer.Compare("{not json", """{"min_x": 1}""", null, "latest.json", "thresholds.json");
        Assert.False(broken.Compared);
        Assert.StartsWith("latest.json is not valid JSON", Assert.Single(broken.Problems), StringComparison.Ordinal);

        var unknown = ParityPairer.Compare("""{"x": 1}""", """{"gates": [{"name": "x", "floor": 1}]}""", null, "latest.json", "thresholds.json");
        Assert.False(unknown.Compared);
        Assert.Contains(unknown.Unpaired, u => u.StartsWith("thresholds.json gates: a list", StringComparison.Ordinal));
        Assert.Contains(unknown.Unpaired, u => u.StartsWith("thresholds.json names no threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mapping_reads_only_the_metrics_it_names_from_any_path_with_a_threshold_path_or_a_number()
    {
        ParityMetricMapping[] mapping =
        [
            new("accuracy", ParityPath.Parse("results.0.acc", out _)!, ParityPath.Parse("/gates/accuracy.floor", out _)!, null, ParityBound.Min),
            new("p99", ParityPath.Parse("timing.p99", out _)!, null, 2.5, ParityBound.Max),
            new("recall", ParityPath.Parse("results.0.recall", out _)!, null, 0.8, ParityBound.Min),
        ];
        var comparison = ParityPairer.Compare(
            """{"results": [{"acc": 0.7}], "timing": {"p99": 2.5}, "other": 1}""", """{"gates": {"accuracy.floor": 0.75}}""", mapping, "latest.json", "thresholds.json");

        Assert.Equal(ParityPairingMode.Mapping, comparison.Mode);
        Assert.Equal(
            [("accuracy", ParityCheckOutcome.Violated), ("p99", ParityCheckOutcome.Met), ("recall", ParityCheckOutcome.Missing)],
            comparison.Checks.Select(c => (c.Metric, c.Outcome)));
        Assert.Equal("thresholds.json gates.accuracy.floor", comparison.Checks[0].ThresholdFrom);
        Assert.Equal("policy.yaml", comparison.Checks[1].ThresholdFrom);
        Assert.Empty(comparison.NotGated);
    }

    [Fact]
    public void A_mapping_whose_threshold_path_is_absent_says_so_rather_than_passing()
    {
        ParityMetricMapping[] mapping = [new("accuracy", ParityPath.Parse("acc", out _)!, ParityPath.Parse("floors.acc", out _)!, null, ParityBound.Min)];

        var comparison = ParityPairer.Compare("""{"acc": 0.7}""", """{"floors": {}}""", mapping, "latest.json", "thresholds.json");

        Assert.Empty(comparison.Checks);
        Assert.Equal("accuracy: thresholds.json has no number at floors.acc", Assert.Single(comparison.Unpaired));
    }
}
