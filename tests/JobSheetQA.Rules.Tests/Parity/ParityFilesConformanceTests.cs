using System.Text.Json;
using System.Text.Json.Nodes;
using JobSheetQA.Rules.Parity;
using Json.Schema;

namespace JobSheetQA.Rules.Tests.Parity;

/// <summary>The shipped parity files and schemas agree with each other.</summary>
public sealed class ParityFilesConformanceTests
{
    public static TheoryData<string> SampleFiles() => new(FilesUnder("samples"));

    public static TheoryData<string> ConfigFiles() => new(FilesUnder("config"));

    /// <summary>Every file, whatever its extension: a stray file in these folders must conform too.</summary>
    private static string[] FilesUnder(string folder) =>
        Directory.EnumerateFiles(ParityRepositoryFiles.PathOf(folder), "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(ParityRepositoryFiles.ParityFolder, file))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Repository_ships_samples_and_default_thresholds()
    {
        Assert.Contains(Path.Combine("samples", "latest.pass.json"), FilesUnder("samples"));
        Assert.Contains(Path.Combine("samples", "latest.fail.json"), FilesUnder("samples"));
        Assert.Contains(Path.Combine("config", "thresholds.json"), FilesUnder("config"));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_sample_is_a_valid_parity_report(string relativePath)
    {
        var path = Path.Combine(ParityRepositoryFiles.ParityFolder, relativePath);

        var result = ParityReader.ReadReportFile(path);

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        AssertDeclaresSchema(path, "parity-report.schema.json");
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void Every_config_file_is_valid_thresholds(string relativePath)
    {
        var path = Path.Combine(ParityRepositoryFiles.ParityFolder, relativePath);

        var result = ParityReader.ReadThresholdsFile(path);

        Assert.True(result.Succeeded, result.Succeeded ? null : result.Describe());
        AssertDeclaresSchema(path, "thresholds.schema.json");
    }

    [Theory]
    [InlineData(ParitySchemas.ReportResourceName, "parity-report.schema.json")]
    [InlineData(ParitySchemas.ThresholdsResourceName, "thresholds.schema.json")]
    public void Embedded_schema_is_the_repository_file(string resourceName, string fileName)
    {
        var embedded = ParitySchemas.ReadText(resourceName);

        Assert.Equal(File.ReadAllText(ParityRepositoryFiles.PathOf("schema", fileName)), embedded);
    }

    [Theory]
    [InlineData("parity-report.schema.json")]
    [InlineData("thresholds.schema.json")]
    public void Schema_is_valid_against_the_2020_12_meta_schema(string fileName)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ParityRepositoryFiles.PathOf("schema", fileName)));

        var result = MetaSchemas.Draft202012.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Schemas_forbid_unknown_properties_on_every_object()
    {
        foreach (var fileName in new[] { "parity-report.schema.json", "thresholds.schema.json" })
        {
            var schema = JsonNode.Parse(File.ReadAllText(ParityRepositoryFiles.PathOf("schema", fileName)))!;
            foreach (var (pointer, node) in ObjectSchemas(schema, string.Empty))
            {
                // Open-ended maps (metrics, thresholds) constrain their values with a schema instead of false.
                Assert.True(node["additionalProperties"] is not null, $"{fileName}{pointer} allows unknown properties");
            }
        }
    }

    private static IEnumerable<(string Pointer, JsonObject Node)> ObjectSchemas(JsonNode node, string pointer)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        if (obj["type"]?.GetValueKind() == JsonValueKind.String && obj["type"]!.GetValue<string>() == "object")
        {
            yield return (pointer, obj);
        }

        foreach (var (key, child) in obj)
        {
            if (child is JsonObject)
            {
                foreach (var found in ObjectSchemas(child, pointer + "/" + key))
                {
                    yield return found;
                }
            }
        }
    }

    private static void AssertDeclaresSchema(string path, string schemaFileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var declared = document.RootElement.GetProperty("$schema").GetString()!;
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, declared));

        Assert.Equal(ParityRepositoryFiles.PathOf("schema", schemaFileName), resolved);
    }
}
