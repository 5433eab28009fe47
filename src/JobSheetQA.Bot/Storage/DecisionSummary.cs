using System.Text.Json;
using System.Text.Json.Serialization;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Storage;

/// <summary>What a promotion's decision said, small enough to keep on the promotion row: the verdict and each finding's rule id.</summary>
public sealed record DecisionSummary(Verdict Verdict, IReadOnlyList<DecisionSummaryFinding> Findings)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static DecisionSummary From(Decision decision) =>
        new(decision.Verdict, decision.Findings.Select(f => new DecisionSummaryFinding(f.RuleId, f.Outcome)).ToList());

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DecisionSummary? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<DecisionSummary>(json, Json);
}
