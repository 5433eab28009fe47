using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>How promotions are named in chat, in one place so every reply writes commits, times and states the same way.</summary>
public static class PromotionText
{
    /// <summary>A commit as people read it (7 characters); "—" before the bot has read HEAD.</summary>
    public static string Commit(string sha) => string.IsNullOrEmpty(sha) ? "—" : ChatText.ShortSha(sha);

    /// <summary>The state in words: <c>awaiting-acknowledgement</c>, <c>succeeded</c>…</summary>
    public static string State(PromotionState state) => PromotionTransitions.Name(state);

    /// <summary>"promote staging (skip parity)": what was asked, without who or when; a run started in GitHub says so.</summary>
    public static string What(PromotionEntity promotion) =>
        $"promote {promotion.Environment}"
        + (promotion.SkipParity ? " skip parity" : "")
        + (promotion.UseNightlyParity ? " with nightly parity" : "")
        + (promotion.Source == PromotionSource.Actions ? " (from the Actions tab)" : "");

    /// <summary>The gates in one line: "Validate Request ✓ · CI Gate … · Policy Gate ○".</summary>
    public static string Gates(PromotionEntity promotion)
    {
        var outcomes = promotion.GateResults.ToDictionary(g => g.Step, g => g.Outcome);
        return string.Join(" · ", Enum.GetValues<PromotionStep>()
            .Select(step => $"{step.DisplayName()} {StepMarks.For(outcomes.GetValueOrDefault(step, StepOutcome.Pending), StepMarks.PendingInALine)}"));
    }

    /// <summary>One promotion in a line: id, what, state, commit, requester, run link.</summary>
    public static string Line(PromotionEntity promotion)
    {
        var run = promotion.RunUrl is null ? "" : $" · [run {promotion.RunId}]({promotion.RunUrl})";
        var objections = promotion.State == PromotionState.Refused && promotion.ReadDecision() is { } decision
            ? decision.Findings.Where(f => f.Outcome == FindingOutcome.Deny).Select(f => f.RuleId).Distinct().ToList()
            : [];
        var state = PromotionText.State(promotion.State) + (objections.Count > 0 ? $" ({string.Join(", ", objections)})" : "");
        return $"`{promotion.Id}` {PromotionText.What(promotion)} · {state} · `{PromotionText.Commit(promotion.CommitSha)}` · "
            + $"{promotion.RequesterDisplayName} · {ChatText.Utc(promotion.CreatedAt)}{run}";
    }
}
