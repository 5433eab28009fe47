using System.Diagnostics.CodeAnalysis;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Policy;

/// <summary>The facts for a decision, or the GitHub failure that kept the bot from reading them.</summary>
public sealed record GatheredFacts(PromotionFacts? Facts, GitHubError? Error)
{
    [MemberNotNullWhen(true, nameof(Facts))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Facts is not null;

    public static GatheredFacts From(PromotionFacts facts) => new(facts, null);

    public static GatheredFacts Failed(GitHubError error) => new(null, error);
}
