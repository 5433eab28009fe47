using JobSheetQA.Rules.Parity;

namespace JobSheetQA.Rules.Tests.Parity;

public sealed class ParityEvaluatorTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 2, 14, 7, TimeSpan.Zero);

    private static ParityReport Report(params (string Name, double Value)[] metrics) => new(
        1,
        GeneratedAt,
        "3f9c2d41b7e85a06c1d94f2e7a3b5c8d0e6f1a27",
        new ParityBaseline("golden/2026-11"),
        new ParitySuite("jobsheet-golden"),
        new ParitySummary(10, 10, 10, 0, 0),
        metrics.ToDictionary(m => m.Name, m => m.Value));

    private static ParityThresholds Thresholds(params (string Name, ParityThreshold Threshold)[] thresholds) =>
        new(1, thresholds.ToDictionary(t => t.Name, t => t.Threshold));

    private static ParityReport ReadSample(string json) => ParityReader.ReadReport(json).Value
        ?? throw new InvalidOperationException("sample did not read");

    private static ParityThresholds DefaultThresholds() => ParityReader.ReadThresholds(ParityRepositoryFiles.DefaultThresholds).Value
        ?? throw new InvalidOperationException("default thresholds did not read");

    [Fact]
    public void Pass_sample_is_within_the_default_thresholds()
    {
        var evaluation = ParityEvaluator.Evaluate(ReadSample(ParityRepositoryFiles.PassSample), DefaultThresholds());

        Assert.True(evaluation.WithinThresholds, string.Join("; ", evaluation.Messages));
        Assert.Empty(evaluation.Violations);
    }

    [Fact]
    public void Fail_sample_lists_exactly_the_broken_thresholds_with_actual_and_threshold_values()
    {
        var evaluation = ParityEvaluator.Evaluate(ReadSample(ParityRepositoryFiles.FailSample), DefaultThresholds());

        Assert.False(evaluation.WithinThresholds);
        Assert.Equal(
            [
                new ParityViolation("field_match_rate", 0.912, 0.95, ParityBound.Min, "field_match_rate 0.912 < min 0.95"),
                new ParityViolation("document_match_rate", 0.831, 0.9, ParityBound.Min, "document_match_rate 0.831 < min 0.9"),
                new ParityViolation("critical_field_mismatches", 3, 0, ParityBound.Max, "critical_field_mismatches 3 > max 0"),
                new ParityViolation("p95_latency_ms", 9120, 8000, ParityBound.Max, "p95_latency_ms 9120 > max 8000"),
            ],
            evaluation.Violations);
        Assert.Equal(
            ["field_match_rate 0.912 < min 0.95", "document_match_rate 0.831 < min 0.9", "critical_field_mismatches 3 > max 0", "p95_latency_ms 9120 > max 8000"],
            evaluation.Messages);
    }

    [Fact]
    public void Violation_messages_fill_the_nightly_parity_fact()
    {
        var evaluation = ParityEvaluator.Evaluate(ReadSample(ParityRepositoryFiles.FailSample), DefaultThresholds());

        var nightly = new JobSheetQA.Rules.Facts.NightlyParityResult(42, GeneratedAt, "c04b6e19f2a83d57e0c1b2a3948d5e6f7a8b9c0d", evaluation.Messages);

        Assert.False(nightly.WithinThresholds);
        Assert.Contains("field_match_rate 0.912 < min 0.95", nightly.Violations);
    }

    [Fact]
    public void Metric_missing_from_the_report_is_a_violation_by_default()
    {
        var evaluation = ParityEvaluator.Evaluate(
            Report(("field_match_rate", 0.99)),
            Thresholds(("field_match_rate", new ParityThreshold(Min: 0.95)), ("ocr_character_error_rate", new ParityThreshold(Max: 0.02))));

        var violation = Assert.Single(evaluation.Violations);
        Assert.Equal("ocr_character_error_rate", violation.Metric);
        Assert.Null(violation.Actual);
        Assert.True(violation.IsMissing);
        Assert.Equal(0.02, violation.Threshold);
        Assert.Equal(ParityBound.Max, violation.Bound);
        Assert.Equal("ocr_character_error_rate missing from report (max 0.02)", violation.Message);
    }

    [Fact]
    public void Missing_metric_with_both_bounds_names_both_in_its_message()
    {
        var evaluation = ParityEvaluator.Evaluate(
            Report(("field_match_rate", 0.99)),
            Thresholds(("drift_ratio", new ParityThreshold(Min: 0.9, Max: 1.1))));

        var violation = Assert.Single(evaluation.Violations);
        Assert.Equal(ParityBound.Min, violation.Bound);
        Assert.Equal(0.9, violation.Threshold);
        Assert.Equal("drift_ratio missing from report (min 0.9, max 1.1)", violation.Message);
    }

    [Fact]
    public void Missing_metric_passes_when_the_thresholds_allow_it()
    {
        var thresholds = Thresholds(("ocr_character_error_rate", new ParityThreshold(Max: 0.02))) with { MissingMetricIsViolation = false };

        var evaluation = ParityEvaluator.Evaluate(Report(("field_match_rate", 0.99)), thresholds);

        Assert.True(evaluation.WithinThresholds);
    }

    [Fact]
    public void Per_metric_required_overrides_the_default_for_missing_metrics()
    {
        var lenient = new ParityThresholds(
            1,
            new Dictionary<string, ParityThreshold>
            {
                ["ocr_character_error_rate"] = new(Max: 0.02, Required: true),
                ["p95_latency_ms"] = new(Max: 8000),
            },
            MissingMetricIsViolation: false);
        var strict = new ParityThresholds(
            1,
            new Dictionary<string, ParityThreshold>
            {
                ["ocr_character_error_rate"] = new(Max: 0.02, Required: false),
                ["p95_latency_ms"] = new(Max: 8000),
            });

        var fromLenient = ParityEvaluator.Evaluate(Report(), lenient);
        var fromStrict = ParityEvaluator.Evaluate(Report(), strict);

        Assert.Equal(["ocr_character_error_rate"], fromLenient.Violations.Select(v => v.Metric));
        Assert.Equal(["p95_latency_ms"], fromStrict.Violations.Select(v => v.Metric));
    }

    [Theory]
    [InlineData(0.95, true)]
    [InlineData(0.9500001, true)]
    [InlineData(0.9499999, false)]
    public void Min_bound_is_inclusive(double actual, bool passes)
    {
        var evaluation = ParityEvaluator.Evaluate(
            Report(("field_match_rate", actual)),
            Thresholds(("field_match_rate", new ParityThreshold(Min: 0.95))));

        Assert.Equal(passes, evaluation.WithinThresholds);
        if (!passes)
        {
            var violation = Assert.Single(evaluation.Violations);
            Assert.Equal((ParityBound.Min, 0.95, actual), (violation.Bound, violation.Threshold, violation.Actual!.Value));
            Assert.Equal($"field_match_rate {actual.ToString(System.Globalization.CultureInfo.InvariantCulture)} < min 0.95", violation.Message);
        }
    }

    [Theory]
    [InlineData(8000, true)]
    [InlineData(7999.5, true)]
    [InlineData(8000.5, false)]
    public void Max_bound_is_inclusive(double actual, bool passes)
    {
        var evaluation = ParityEvaluator.Evaluate(
            Report(("p95_latency_ms", actual)),
            Thresholds(("p95_latency_ms", new ParityThreshold(Max: 8000))));

        Assert.Equal(passes, evaluation.WithinThresholds);
        if (!passes)
        {
            var violation = Assert.Single(evaluation.Violations);
            Assert.Equal((ParityBound.Max, 8000d), (violation.Bound, violation.Threshold));
            Assert.Equal("p95_latency_ms 8000.5 > max 8000", violation.Message);
        }
    }

    [Theory]
    [InlineData(0.89, ParityBound.Min, 0.9)]
    [InlineData(1.11, ParityBound.Max, 1.1)]
    [InlineData(0.9, null, 0)]
    [InlineData(1.1, null, 0)]
    public void Metric_with_both_bounds_reports_the_side_it_crossed(double actual, ParityBound? bound, double threshold)
    {
        var evaluation = ParityEvaluator.Evaluate(
            Report(("drift_ratio", actual)),
            Thresholds(("drift_ratio", new ParityThreshold(Min: 0.9, Max: 1.1))));

        if (bound is null)
        {
            Assert.Empty(evaluation.Violations);
        }
        else
        {
            var violation = Assert.Single(evaluation.Violations);
            Assert.Equal((bound.Value, threshold), (violation.Bound, violation.Threshold));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_metric_built_in_code_fails_closed(double actual)
    {
        // NaN compares false with both bounds, so a naive check would let it through.
        var evaluation = ParityEvaluator.Evaluate(
            Report(("field_match_rate", actual)),
            Thresholds(("field_match_rate", new ParityThreshold(Min: 0.95, Max: 1))));

        var violation = Assert.Single(evaluation.Violations);
        Assert.Contains("is not a finite number", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_without_a_bound_fails_closed()
    {
        var evaluation = ParityEvaluator.Evaluate(
            Report(("field_match_rate", 0.99)),
            Thresholds(("field_match_rate", new ParityThreshold(Description: "bounds forgotten"))));

        var violation = Assert.Single(evaluation.Violations);
        Assert.Equal("field_match_rate threshold is not usable (no min or max)", violation.Message);
    }

    [Fact]
    public void Metrics_without_a_threshold_are_ignored()
    {
        var evaluation = ParityEvaluator.Evaluate(
            Report(("field_match_rate", 0.99), ("experimental_score", -5)),
            Thresholds(("field_match_rate", new ParityThreshold(Min: 0.95))));

        Assert.True(evaluation.WithinThresholds);
    }

    [Fact]
    public void Evaluating_json_text_returns_violations_for_the_fail_sample()
    {
        var result = ParityEvaluator.Evaluate(ParityRepositoryFiles.FailSample, ParityRepositoryFiles.DefaultThresholds);

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        Assert.Equal(4, result.Value.Violations.Count);
    }

    [Fact]
    public void Evaluating_json_text_reports_errors_from_both_documents_instead_of_throwing()
    {
        var result = ParityEvaluator.Evaluate("{ not json", "", "latest.json", "thresholds.json");

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal(["latest.json", "thresholds.json"], result.Errors.Select(e => e.Document));
    }
}
