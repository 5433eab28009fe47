using JobSheetQA.Rules.Parity;

namespace JobSheetQA.Rules.Tests.Parity;

public sealed class ParityThresholdsReaderTests
{
    private static ParityReadResult<ParityThresholds> Read(string? json) => ParityReader.ReadThresholds(json, "thresholds.json");

    private static string WithThresholds(string body, string extra = "") => $$"""
        {
          "schema_version": 1,{{extra}}
          "thresholds": {
            {{body}}
          }
        }
        """;

    [Fact]
    public void Default_thresholds_read_in_file_order_and_treat_missing_metrics_as_violations()
    {
        var result = Read(ParityRepositoryFiles.DefaultThresholds);

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        Assert.True(result.Value.MissingMetricIsViolation);
        Assert.Equal(
            ["field_match_rate", "document_match_rate", "critical_field_mismatches", "ocr_character_error_rate", "validation_agreement_rate", "document_error_rate", "p95_latency_ms"],
            result.Value.Thresholds.Keys);
        Assert.Equal(new ParityThreshold(Min: 0.95, Description: "Share of extracted job sheet fields equal to the golden set."), result.Value.Thresholds["field_match_rate"]);
        Assert.Equal(8000, result.Value.Thresholds["p95_latency_ms"].Max);
        Assert.Null(result.Value.Thresholds["p95_latency_ms"].Min);
    }

    [Fact]
    public void Missing_metric_is_a_violation_when_the_file_does_not_say()
    {
        var result = Read(WithThresholds("\"field_match_rate\": { \"min\": 0.95 }"));

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        Assert.True(result.Value.MissingMetricIsViolation);
        Assert.Null(result.Value.Thresholds["field_match_rate"].Required);
    }

    [Fact]
    public void Missing_metric_policy_and_per_metric_required_are_read()
    {
        var result = Read(WithThresholds(
            "\"field_match_rate\": { \"min\": 0.95, \"required\": true }",
            "\n  \"missing_metric_is_violation\": false,"));

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        Assert.False(result.Value.MissingMetricIsViolation);
        Assert.True(result.Value.Thresholds["field_match_rate"].Required);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Empty_thresholds_are_an_error(string? json)
    {
        var error = Assert.Single(Read(json).Errors);

        Assert.Equal("thresholds.json: is empty; expected a JSON object", error.ToString());
    }

    [Fact]
    public void Threshold_without_min_or_max_is_rejected_once_with_both_alternatives()
    {
        var result = Read(WithThresholds("\"field_match_rate\": { \"description\": \"forgot the bound\" }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/thresholds/field_match_rate", error.Pointer);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("matches none of the allowed forms: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("[\"min\"]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[\"max\"]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_with_only_max_does_not_report_the_unused_min_alternative()
    {
        var result = Read(WithThresholds("\"p95_latency_ms\": { \"max\": 8000, \"maximum\": 9000 }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/thresholds/p95_latency_ms/maximum", error.Pointer);
        Assert.Equal("unknown property \"maximum\" is not allowed", error.Message);
    }

    [Fact]
    public void Bound_of_the_wrong_type_is_reported_at_its_pointer_and_line()
    {
        var result = Read(WithThresholds("\"field_match_rate\": {\n      \"min\": \"0.95\"\n    }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/thresholds/field_match_rate/min", error.Pointer);
        Assert.Equal((5, 7), (error.Line, error.Column));
        Assert.Equal("Value is \"string\" but should be \"number\"", error.Message);
    }

    [Fact]
    public void Min_above_max_is_rejected()
    {
        var result = Read(WithThresholds("\"drift_ratio\": { \"min\": 1.2, \"max\": 1.1 }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/thresholds/drift_ratio", error.Pointer);
        Assert.Equal("min (1.2) of \"drift_ratio\" is greater than max (1.1); no value could pass", error.Message);
    }

    [Fact]
    public void Equal_min_and_max_are_allowed()
    {
        var result = Read(WithThresholds("\"critical_field_mismatches\": { \"min\": 0, \"max\": 0 }"));

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
    }

    [Fact]
    public void Empty_threshold_map_is_rejected()
    {
        var result = Read("{ \"schema_version\": 1, \"thresholds\": {} }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("/thresholds", error.Pointer);
    }

    [Fact]
    public void Unknown_top_level_key_is_rejected()
    {
        var result = Read(WithThresholds("\"field_match_rate\": { \"min\": 0.95 }", "\n  \"missing_metrics_are_violations\": true,"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/missing_metrics_are_violations", error.Pointer);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Malformed_thresholds_name_the_line()
    {
        var result = Read("{\n  \"schema_version\": 1\n  \"thresholds\": {}\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_metric_policy_of_the_wrong_type_is_rejected()
    {
        var result = Read(WithThresholds("\"field_match_rate\": { \"min\": 0.95 }", "\n  \"missing_metric_is_violation\": \"yes\","));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/missing_metric_is_violation", error.Pointer);
        Assert.Equal("Value is \"string\" but should be \"boolean\"", error.Message);
    }
}
