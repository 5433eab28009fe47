using JobSheetQA.Rules.Parity;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Tests.Policy;

/// <summary>policy.yaml <c>parity:</c>: optional, validated like every other key.</summary>
public sealed class ParityMappingPolicyTests
{
    [Fact]
    public void Without_a_parity_section_there_is_no_mapping()
    {
        Assert.Empty(PolicyLoader.Parse(PolicyText.Valid, PolicyText.Source).ParityMetrics ?? []);
    }

    [Fact]
    public void A_mapping_is_read_in_file_order_with_paths_numbers_and_directions()
    {
        var policy = PolicyLoader.Parse(PolicyText.Valid + """
            parity:
              metrics:
                field_accuracy:
                  report: results.scores.field_accuracy
                  threshold: gates.field_accuracy.floor
                  direction: min
                p95_ms:
                  report: /timing/p95.ms
                  threshold: 8000
                  direction: max

            """, PolicyText.Source);

        var metrics = policy.ParityMetrics!;
        Assert.Equal(["field_accuracy", "p95_ms"], metrics.Select(m => m.Metric));
        Assert.Equal(["results", "scores", "field_accuracy"], metrics[0].Report.Segments);
        Assert.Equal("gates.field_accuracy.floor", metrics[0].ThresholdPath!.ToString());
        Assert.Null(metrics[0].ThresholdValue);
        Assert.Equal(ParityBound.Min, metrics[0].Direction);
        Assert.Equal(["timing", "p95.ms"], metrics[1].Report.Segments);
        Assert.Equal(8000, metrics[1].ThresholdValue);
        Assert.Equal(ParityBound.Max, metrics[1].Direction);
    }

    [Fact]
    public void Every_problem_in_a_mapping_is_reported_with_its_line_and_key()
    {
        var yaml = PolicyText.Valid + """
            parity:
              metrics:
                accuracy:
                  report: a..b
                  direction: up
                  weight: 2

            """;

        var errors = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(yaml, PolicyText.Source)).Errors.Select(e => e.ToString()).ToList();

        var at = PolicyText.Locate(yaml, "accuracy:").Line;
        Assert.Equal(
        [
            $"{PolicyText.Source}:{at}:5: parity.metrics.accuracy.threshold: required key is missing: a path in the thresholds file, or a number",
            $"{PolicyText.Source}:{at + 1}:7: parity.metrics.accuracy.report: 'a..b' has an empty name in it (write a.b.c, or a JSON Pointer /a/b/c)",
            $"{PolicyText.Source}:{at + 2}:7: parity.metrics.accuracy.direction: expected min or max, found 'up'",
            $"{PolicyText.Source}:{at + 3}:7: parity.metrics.accuracy.weight: unknown key 'weight' (expected one of: report, threshold, direction)",
        ], errors);
    }

    [Fact]
    public void An_empty_mapping_is_an_error_not_a_silent_default()
    {
        var yaml = PolicyText.Valid + "parity:\n  metrics: {}\n";

        var error = Assert.Single(Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(yaml, PolicyText.Source)).Errors);

        Assert.Equal("parity.metrics", error.KeyPath);
        Assert.StartsWith("no metrics", error.Message, StringComparison.Ordinal);
    }
}
