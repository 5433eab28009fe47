using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Policy;

/// <summary>What a requester asked for, before the bot has looked anything up (the commit comes from HEAD of the ref).</summary>
/// <param name="PromotionId">The promotion's id.</param>
/// <param name="Environment">The environment as typed, lower case.</param>
/// <param name="Ref">The ref to promote from; null means the policy's branch.</param>
/// <param name="AcknowledgementText">The acknowledgement as typed, untrimmed; null when none was given yet.</param>
/// <param name="CommitSha">The commit to judge when it is not HEAD of the ref: a run GitHub asks the protection rule about
/// deploys its own commit (<c>deployment.sha</c>), and the workflow file is read at it; null means HEAD.</param>
/// <param name="DryRun">True when nothing will be dispatched on the answer: HEAD may then be the one read a moment ago
/// (<see cref="GitHub.IRepositoryFacts.GetRecentBranchHeadAsync"/>).</param>
public sealed record PromotionAsk(
    string PromotionId,
    string Environment,
    string? Ref,
    bool SkipParity,
    bool UseNightlyParity,
    string? AcknowledgementText,
    RequesterIdentity Requester,
    string? CommitSha = null,
    bool DryRun = false);
