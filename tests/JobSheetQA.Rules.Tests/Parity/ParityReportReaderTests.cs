using System.Text.Json.Nodes;
using JobSheetQA.Rules.Parity;

namespace JobSheetQA.Rules.Tests.Parity;

public sealed class ParityReportReaderTests
{
    /// <summary>A small valid report, one member a line so tests can name lines.</summary>
    private const string Valid = """
        {
          "schema_version": 1,
          "generated_at": "2026-11-25T02:14:07Z",
          "commit_sha": "3f9c2d41b7e85a06c1d94f2e7a3b5c8d0e6f1a27",
          "baseline": { "ref": "golden/2026-11" },
          "suite": { "name": "jobsheet-golden" },
          "summary": { "documents": 10, "compared": 9, "matched": 8, "mismatched": 1, "errors": 1 },
          "metrics": {
            "field_match_rate": 0.97,
            "p95_latency_ms": 5230
          }
        }
        """;

    private static ParityReadResult<ParityReport> Read(string json) => ParityReader.ReadReport(json, "latest.json");

    private static string Mutate(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Valid)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static ParityReadError SingleError(ParityReadResult<ParityReport> result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Pass_sample_reads_into_records()
    {
        var result = Read(ParityRepositoryFiles.PassSample);

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        var report = result.Value;
        Assert.Equal(1, report.SchemaVersion);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 14, 7, TimeSpan.Zero), report.GeneratedAt);
        Assert.Equal("3f9c2d41b7e85a06c1d94f2e7a3b5c8d0e6f1a27", report.CommitSha);
        Assert.Equal("golden/2026-11", report.Baseline.Ref);
        Assert.Equal("8a1e4c7b2d9f03e56a7b8c9d0e1f2a3b4c5d6e7f", report.Baseline.CommitSha);
        Assert.Equal(new ParitySuite("jobsheet-golden", "2026.11.1"), report.Suite);
        Assert.Equal(new ParitySummary(120, 119, 112, 7, 1), report.Summary);
        Assert.Equal(0.987, report.Metrics["field_match_rate"]);
        Assert.Equal(5230, report.Metrics["p95_latency_ms"]);
        Assert.Equal(7, report.Metrics.Count);
        Assert.Equal([ParityFailureKind.FieldMismatch, ParityFailureKind.Error], report.Failures.Select(f => f.Kind));
        Assert.Equal("materials[2].quantity", report.Failures[0].Field);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Failures_default_to_empty_when_the_report_gives_none()
    {
        var result = Read(Valid);

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        Assert.Empty(result.Value.Failures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_text_is_an_error_not_an_exception(string? json)
    {
        var error = SingleError(ParityReader.ReadReport(json, "latest.json"));

        Assert.Equal("latest.json", error.Document);
        Assert.Equal(string.Empty, error.Pointer);
        Assert.Equal("is empty; expected a JSON object", error.Message);
        Assert.Equal("latest.json: is empty; expected a JSON object", error.ToString());
    }

    [Fact]
    public void Malformed_json_names_the_line_and_column()
    {
        var json = "{\n  \"schema_version\": 1,\n  \"metrics\": { \"field_match_rate\": 0.97, }\n}";

        var error = SingleError(Read(json));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("is not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("latest.json line 3, column ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_literal_is_rejected_as_invalid_json_with_its_line()
    {
        var json = Valid.Replace("\"field_match_rate\": 0.97", "\"field_match_rate\": NaN", StringComparison.Ordinal);

        var error = SingleError(Read(json));

        Assert.Equal(9, error.Line);
        Assert.Equal(25, error.Column);
        Assert.StartsWith("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_as_a_string_is_a_type_error_at_the_metric()
    {
        var json = Valid.Replace("\"field_match_rate\": 0.97", "\"field_match_rate\": \"NaN\"", StringComparison.Ordinal);

        var error = SingleError(Read(json));

        Assert.Equal("/metrics/field_match_rate", error.Pointer);
        Assert.Equal(9, error.Line);
        Assert.Equal("Value is \"string\" but should be \"number\"", error.Message);
        Assert.Equal(
            "latest.json line 9, column 5 at /metrics/field_match_rate: Value is \"string\" but should be \"number\"",
            error.ToString());
    }

    [Fact]
    public void Number_too_large_for_a_double_is_rejected_as_not_finite()
    {
        var json = Valid.Replace("\"p95_latency_ms\": 5230", "\"p95_latency_ms\": 1e999", StringComparison.Ordinal);

        var error = SingleError(Read(json));

        Assert.Equal("/metrics/p95_latency_ms", error.Pointer);
        Assert.Equal(10, error.Line);
        Assert.Contains("must be a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_in_the_summary_is_reported_at_its_pointer()
    {
        var error = SingleError(Read(Mutate(r => r["summary"]!["documents"] = "ten")));

        Assert.Equal("/summary/documents", error.Pointer);
        Assert.Equal("Value is \"string\" but should be \"integer\"", error.Message);
    }

    [Fact]
    public void Unknown_top_level_field_is_rejected_by_name()
    {
        var json = Valid.Replace("\"schema_version\": 1,", "\"schema_version\": 1,\n  \"acuracy\": 0.99,", StringComparison.Ordinal);

        var error = SingleError(Read(json));

        Assert.Equal("/acuracy", error.Pointer);
        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Equal("unknown property \"acuracy\" is not allowed", error.Message);
    }

    [Fact]
    public void Unknown_nested_field_is_rejected_by_pointer()
    {
        var error = SingleError(Read(Mutate(r => r["baseline"]!["branch"] = "main")));

        Assert.Equal("/baseline/branch", error.Pointer);
        Assert.Equal("unknown property \"branch\" is not allowed", error.Message);
    }

    [Fact]
    public void Metric_name_must_be_snake_case()
    {
        var error = SingleError(Read(Mutate(r => r["metrics"]!["FieldMatchRate"] = 0.9)));

        Assert.Equal("/metrics/FieldMatchRate", error.Pointer);
        Assert.Equal("property name \"FieldMatchRate\" is not allowed: it must match ^[a-z][a-z0-9_]*$", error.Message);
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var error = SingleError(Read(Mutate(r => r.Remove("metrics"))));

        Assert.Equal(string.Empty, error.Pointer);
        Assert.Contains("\"metrics\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Several_schema_violations_are_all_reported_in_document_order()
    {
        var json = Mutate(r =>
        {
            r["commit_sha"] = "HEAD";
            r["summary"]!["errors"] = -1;
            r["generated_at"] = "yesterday";
        });

        var result = Read(json);

        Assert.False(result.Succeeded);
        Assert.Equal(["/generated_at", "/commit_sha", "/summary/errors"], result.Errors.Select(e => e.Pointer));
    }

    [Fact]
    public void Unknown_schema_version_is_rejected()
    {
        var error = SingleError(Read(Mutate(r => r["schema_version"] = 2)));

        Assert.Equal("/schema_version", error.Pointer);
        Assert.Equal("must be 1", error.Message);
    }

    [Fact]
    public void Abbreviated_commit_sha_is_rejected_quoting_the_pattern()
    {
        var error = SingleError(Read(Mutate(r => r["commit_sha"] = "3f9c2d4")));

        Assert.Equal("/commit_sha", error.Pointer);
        Assert.Equal("does not match the pattern ^[0-9a-f]{40}([0-9a-f]{24})?$", error.Message);
    }

    [Fact]
    public void Unknown_failure_kind_is_rejected()
    {
        var json = Mutate(r => r["failures"] = new JsonArray(new JsonObject { ["document"] = "JS-1", ["kind"] = "typo" }));

        var error = SingleError(Read(json));

        Assert.Equal("/failures/0/kind", error.Pointer);
        Assert.Equal("must be one of \"field_mismatch\", \"validation_disagreement\", \"error\"", error.Message);
    }

    [Fact]
    public void Root_that_is_not_an_object_is_rejected()
    {
        var error = SingleError(Read("[1, 2, 3]"));

        Assert.Equal(string.Empty, error.Pointer);
        Assert.Equal("Value is \"array\" but should be \"object\"", error.Message);
    }

    [Fact]
    public void Duplicate_metric_is_rejected_with_the_line_of_the_second_one()
    {
        var json = Valid.Replace("\"p95_latency_ms\": 5230", "\"p95_latency_ms\": 5230,\n    \"field_match_rate\": 0.5", StringComparison.Ordinal);

        var error = SingleError(Read(json));

        Assert.Equal("/metrics/field_match_rate", error.Pointer);
        Assert.Equal((11, 5), (error.Line, error.Column));
        Assert.Equal("property \"field_match_rate\" appears more than once", error.Message);
    }

    [Fact]
    public void Summary_counts_that_do_not_add_up_are_rejected()
    {
        var result = Read(Valid.Replace("\"matched\": 8", "\"matched\": 9", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/summary", error.Pointer);
        Assert.Equal(7, error.Line);
        Assert.Equal("compared (9) must equal matched (9) + mismatched (1)", error.Message);
    }

    [Fact]
    public void Summary_documents_must_cover_compared_and_errors()
    {
        var result = Read(Mutate(r => r["summary"]!["documents"] = 12));

        var error = Assert.Single(result.Errors);
        Assert.Equal("documents (12) must equal compared (9) + errors (1)", error.Message);
    }

    [Fact]
    public void Unreadable_file_is_an_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parity-{Guid.NewGuid():N}", "latest.json");

        var result = ParityReader.ReadReportFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Document);
        Assert.StartsWith("cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    // ---- generated_at on its own (nightly freshness, runbook §2.1) ----

    [Fact]
    public void Generated_at_is_read_from_a_valid_report()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 14, 7, TimeSpan.Zero), ParityReader.ReadGeneratedAt(Valid));
    }

    [Fact]
    public void Generated_at_is_read_even_when_another_part_of_the_report_is_broken()
    {
        var broken = Mutate(r => r["summary"] = "nothing");

        Assert.False(Read(broken).Succeeded);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 14, 7, TimeSpan.Zero), ParityReader.ReadGeneratedAt(broken));
    }

    [Theory]
    [InlineData("2026-11-25T03:14:07+01:00", "2026-11-25T02:14:07Z")]
    [InlineData("2026-11-25t02:14:07z", "2026-11-25T02:14:07Z")]
    [InlineData("2026-11-25T02:14:07.123456789Z", "2026-11-25T02:14:07.1234567Z")]
    public void Generated_at_takes_any_RFC_3339_time_with_an_offset(string written, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ParityReader.ReadGeneratedAt(Mutate(r => r["generated_at"] = written)));
    }

    [Theory]
    [InlineData("2026-11-25T02:14:07")]
    [InlineData("2026-11-25 02:14:07Z")]
    [InlineData("yesterday")]
    [InlineData("2026-13-25T02:14:07Z")]
    [InlineData("")]
    public void A_generated_at_that_is_not_an_RFC_3339_time_with_an_offset_is_not_read(string written)
    {
        Assert.Null(ParityReader.ReadGeneratedAt(Mutate(r => r["generated_at"] = written)));
    }

    [Fact]
    public void Missing_duplicated_or_not_a_string_generated_at_and_text_that_is_not_json_give_none()
    {
        Assert.Null(ParityReader.ReadGeneratedAt(Mutate(r => r.Remove("generated_at"))));
        Assert.Null(ParityReader.ReadGeneratedAt(Mutate(r => r["generated_at"] = 1764036847)));
        Assert.Null(ParityReader.ReadGeneratedAt(Valid.Replace("\"schema_version\": 1,", "\"schema_version\": 1, \"generated_at\": \"2026-11-26T00:00:00Z\",", StringComparison.Ordinal)));
        Assert.Null(ParityReader.ReadGeneratedAt("not json"));
        Assert.Null(ParityReader.ReadGeneratedAt("[]"));
        Assert.Null(ParityReader.ReadGeneratedAt(null));
    }
}
