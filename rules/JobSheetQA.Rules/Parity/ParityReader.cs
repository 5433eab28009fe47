using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Json.Schema;

namespace JobSheetQA.Rules.Parity;

/// <summary>
/// Reads parity reports and thresholds (runbook §5.2): checks the text is JSON, validates it against the embedded schema,
/// deserialises it with System.Text.Json and checks what the schema cannot say (counts add up, bounds in order, numbers
/// finite). Malformed input never throws: it comes back as errors naming the document, the JSON Pointer and the line.
/// </summary>
public static partial class ParityReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // Strict JSON: what the workflow writes and what every other reader of latest.json accepts.
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.Strict,
        // "$schema" is allowed by the schemas for editors and has no member; everything else was checked by the schema.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private static readonly EvaluationOptions SchemaOptions = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        // generated_at must really be a date-time; by default "format" is only an annotation.
        RequireFormatValidation = true,
    };

    /// <summary>Reads a parity report such as <c>parity/reports/latest.json</c>.</summary>
    /// <param name="json">The document's text; null or blank is an error, not an exception.</param>
    /// <param name="document">How errors name the document, e.g. the artifact path.</param>
    public static ParityReadResult<ParityReport> ReadReport(string? json, string document = "parity report") =>
        Read<ParityReport>(json, document, () => (ParitySchemas.Report, ParitySchemas.ReportElement), CheckReport);

    /// <summary>
    /// The report's <c>generated_at</c> on its own (runbook §2.1 judges nightly freshness by it), even when another part of
    /// the report is broken: RFC 3339 with an offset, as the schema says. Null when the text is not JSON, the member is
    /// missing, appears twice, or is not such a time.
    /// </summary>
    public static DateTimeOffset? ReadGeneratedAt(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var parsed = JsonDocument.Parse(json, DocumentOptions);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var values = parsed.RootElement.EnumerateObject().Where(p => p.NameEquals("generated_at")).Select(p => p.Value).ToList();
            if (values is not [{ ValueKind: JsonValueKind.String } value] || Rfc3339().Match(value.GetString()!) is not { Success: true } time)
            {
                return null;
            }

            // .NET keeps seven fractional digits; RFC 3339 allows any number.
            var fraction = time.Groups["fraction"].Value;
            var text = time.Groups["time"].Value + (fraction.Length > 0 ? "." + fraction[..Math.Min(fraction.Length, 7)] : "") + time.Groups["offset"].Value;
            return DateTimeOffset.TryParseExact(
                text.ToUpperInvariant(),
                ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None,
                out var generatedAt)
                ? generatedAt
                : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Reads thresholds such as <c>parity/config/thresholds.json</c>.</summary>
    /// <param name="json">The document's text; null or blank is an error, not an exception.</param>
    /// <param name="document">How errors name the document.</param>
    public static ParityReadResult<ParityThresholds> ReadThresholds(string? json, string document = "parity thresholds") =>
        Read<ParityThresholds>(json, document, () => (ParitySchemas.Thresholds, ParitySchemas.ThresholdsElement), CheckThresholds);

    /// <summary>Reads a report from a file; a file that cannot be read is an error naming the path.</summary>
    public static ParityReadResult<ParityReport> ReadReportFile(string path) =>
        ReadFile(path, ReadReport);

    /// <summary>Reads thresholds from a file; a file that cannot be read is an error naming the path.</summary>
    public static ParityReadResult<ParityThresholds> ReadThresholdsFile(string path) =>
        ReadFile(path, ReadThresholds);

    private static ParityReadResult<T> ReadFile<T>(string path, Func<string?, string, ParityReadResult<T>> read)
        where T : class
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ParityReadResult<T>.Failure([new ParityReadError(path, string.Empty, null, null, $"cannot be read: {e.Message}")]);
        }

        return read(text, path);
    }

    private static ParityReadResult<T> Read<T>(
        string? json,
        string document,
        Func<(JsonSchema Schema, JsonElement Document)> schema,
        Func<T, JsonLocationIndex, string, IEnumerable<ParityReadError>> check)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Fail<T>(new ParityReadError(document, string.Empty, null, null, "is empty; expected a JSON object"));
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return Fail<T>(new ParityReadError(
                document, string.Empty, (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1, $"is not valid JSON: {StripPosition(e.Message)}"));
        }
        catch (ArgumentException e)
        {
            return Fail<T>(new ParityReadError(document, string.Empty, null, null, $"is not valid JSON: {e.Message}"));
        }

        using (parsed)
        {
            var index = JsonLocationIndex.Build(json);
            if (index.Duplicates.Count > 0)
            {
                // JsonDocument keeps both values; which one a reader sees depends on the reader, so refuse to guess.
                return ParityReadResult<T>.Failure(index.Duplicates
                    .Select(d => new ParityReadError(document, d.Pointer, d.Line, d.Column,
                        $"property \"{JsonLocationIndex.LastToken(d.Pointer)}\" appears more than once"))
                    .ToArray());
            }

            var (compiled, schemaDocument) = schema();
            var evaluation = compiled.Evaluate(parsed.RootElement, SchemaOptions);
            if (!evaluation.IsValid)
            {
                return ParityReadResult<T>.Failure(Locate(document, index, SchemaErrorCollector.Collect(evaluation, schemaDocument)));
            }

            T? value;
            try
            {
                value = parsed.RootElement.Deserialize<T>(SerializerOptions);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
            {
                // The schema should have caught this; if it did not, still answer with a result, never a crash.
                var pointer = e is JsonException { Path: { } path } ? PathToPointer(path) : string.Empty;
                return Fail<T>(Located(document, index, pointer, $"cannot be read: {StripPosition(e.Message)}"));
            }

            if (value is null)
            {
                return Fail<T>(new ParityReadError(document, string.Empty, 1, 1, "is null; expected a JSON object"));
            }

            var problems = check(value, index, document).ToArray();
            return problems.Length == 0 ? ParityReadResult<T>.Success(value) : ParityReadResult<T>.Failure(problems);
        }
    }

    private static IEnumerable<ParityReadError> CheckReport(ParityReport report, JsonLocationIndex index, string document)
    {
        var summary = report.Summary;
        if (summary.Compared + summary.Errors != summary.Documents)
        {
            yield return Located(document, index, "/summary",
                $"documents ({summary.Documents}) must equal compared ({summary.Compared}) + errors ({summary.Errors})");
        }

        if (summary.Matched + summary.Mismatched != summary.Compared)
        {
            yield return Located(document, index, "/summary",
                $"compared ({summary.Compared}) must equal matched ({summary.Matched}) + mismatched ({summary.Mismatched})");
        }

        foreach (var (metric, value) in report.Metrics)
        {
            if (!double.IsFinite(value))
            {
                yield return Located(document, index, "/metrics/" + JsonLocationIndex.Escape(metric),
                    $"metric \"{metric}\" must be a finite number, not {ParityEvaluator.Format(value)}");
            }
        }
    }

    private static IEnumerable<ParityReadError> CheckThresholds(ParityThresholds thresholds, JsonLocationIndex index, string document)
    {
        foreach (var (metric, threshold) in thresholds.Thresholds)
        {
            var pointer = "/thresholds/" + JsonLocationIndex.Escape(metric);
            foreach (var (bound, value) in new[] { ("min", threshold.Min), ("max", threshold.Max) })
            {
                if (value is { } number && !double.IsFinite(number))
                {
                    yield return Located(document, index, pointer + "/" + bound,
                        $"{bound} of \"{metric}\" must be a finite number, not {ParityEvaluator.Format(number)}");
                }
            }

            if (threshold is { Min: { } min, Max: { } max } && min > max)
            {
                yield return Located(document, index, pointer,
                    $"min ({ParityEvaluator.Format(min)}) of \"{metric}\" is greater than max ({ParityEvaluator.Format(max)}); no value could pass");
            }
        }
    }

    private static ParityReadError[] Locate(string document, JsonLocationIndex index, IReadOnlyList<(string Pointer, string Message)> errors) =>
        errors
            .Select(e => Located(document, index, e.Pointer, e.Message))
            .OrderBy(e => e.Line ?? int.MaxValue)
            .ThenBy(e => e.Column ?? int.MaxValue)
            .ThenBy(e => e.Pointer, StringComparer.Ordinal)
            .ToArray();

    private static ParityReadError Located(string document, JsonLocationIndex index, string pointer, string message)
    {
        var position = index.Find(pointer);
        return new ParityReadError(document, pointer, position?.Line, position?.Column, message);
    }

    private static ParityReadResult<T> Fail<T>(ParityReadError error)
        where T : class => ParityReadResult<T>.Failure([error]);

    /// <summary>System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; the error record carries those itself.</summary>
    private static string StripPosition(string message) => PositionSuffix().Replace(message, string.Empty).Trim();

    /// <summary>$.metrics.field_match_rate or $['a b'][0] → /metrics/field_match_rate or /a b/0.</summary>
    private static string PathToPointer(string path)
    {
        var tokens = PathToken().Matches(path).Select(m => m.Groups["name"].Success ? m.Groups["name"].Value
            : m.Groups["quoted"].Success ? m.Groups["quoted"].Value
            : m.Groups["index"].Value);
        return string.Concat(tokens.Select(t => "/" + JsonLocationIndex.Escape(t)));
    }

    /// <summary>RFC 3339 date-time: the offset is required (a time without one would be read in the host's zone).</summary>
    [GeneratedRegex(@"^(?<time>[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2})(\.(?<fraction>[0-9]+))?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|\\')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathToken();
}
