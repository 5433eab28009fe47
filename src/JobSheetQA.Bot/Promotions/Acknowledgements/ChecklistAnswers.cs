using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Posture;

namespace JobSheetQA.Bot.Promotions.Acknowledgements;

/// <summary>
/// The requester's answers to runbook §4.2 items 3–5 before dispatch (rule POSTURE-CHECKLIST), from the prompt's form or
/// typed as three answers in the checklist's order: <c>yes yes yes</c> (also <c>y</c>/<c>n</c>, <c>true</c>/<c>false</c>,
/// optionally after the word <c>checklist</c>).
/// </summary>
public sealed record ChecklistAnswers(bool DatabaseReadOnly, bool NoDestructiveOperationsScheduled, bool MonitoringAlertsConfigured)
{
    /// <summary>The items in the order they are asked and typed.</summary>
    public const int ItemCount = 3;

    /// <summary>Whether <paramref name="acknowledgement"/> asks for this checklist rather than a typed phrase.</summary>
    public static bool AreAskedBy(AcknowledgementEntity acknowledgement) => acknowledgement.RuleId == PostureChecklistRule.Id;

    /// <summary>Three yes/no answers typed in chat; null when the text is not that.</summary>
    public static ChecklistAnswers? Parse(string typed)
    {
        var words = typed.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].Equals("checklist", StringComparison.OrdinalIgnoreCase))
            words.RemoveAt(0);
        if (words.Count != ItemCount)
            return null;

        var answers = words.Select(Answer).ToList();
        return answers.Any(a => a is null) ? null : new ChecklistAnswers(answers[0]!.Value, answers[1]!.Value, answers[2]!.Value);
    }

    private static bool? Answer(string word) => word.ToLowerInvariant() switch
    {
        "yes" or "y" or "true" => true,
        "no" or "n" or "false" => false,
        _ => null,
    };
}
