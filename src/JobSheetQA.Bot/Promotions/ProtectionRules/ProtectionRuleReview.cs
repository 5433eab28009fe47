using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Promotions.ProtectionRules;

/// <summary>What the deployment protection rule decided about one waiting run; Chat words it for GitHub and the subscribers.</summary>
/// <param name="Request">The delivery GitHub waits on.</param>
public abstract record ProtectionRuleReview(DeploymentProtectionRequest Request)
{
    /// <summary>True to answer <c>approved</c>; everything else answers <c>rejected</c> (fail closed).</summary>
    public abstract bool Approved { get; }

    /// <summary>The promotion recorded for the run, when there is one.</summary>
    public abstract string? PromotionId { get; }

    /// <summary>True when the run was started outside the bot (the Actions tab): subscribed conversations hear about it.</summary>
    public abstract bool StartedOutsideChat { get; }
}

/// <summary>A run started outside the bot that the rules allow: recorded, holding the environment, tracked.</summary>
public sealed record OutsideRunAllowed(DeploymentProtectionRequest Request, Decision Decision, PromotionEntity Promotion) : ProtectionRuleReview(Request)
{
    public override bool Approved => true;

    public override string? PromotionId => Promotion.Id;

    public override bool StartedOutsideChat => true;
}

/// <summary>A run started outside the bot that the rules refuse (<see cref="Decision"/> has the denials).</summary>
/// <param name="UnreadableTitle">The run's title when it did not show the run's inputs, so they were taken the closed way
/// (parity skipped); null when the title showed them.</param>
public sealed record OutsideRunRefused(DeploymentProtectionRequest Request, Decision Decision, PromotionEntity Promotion, string? UnreadableTitle = null)
    : ProtectionRuleReview(Request)
{
    public override bool Approved => false;

    public override string? PromotionId => Promotion.Id;

    public override bool StartedOutsideChat => true;
}

/// <summary>A run started outside the bot that the rules allow, but another promotion holds the environment (rule LOCK).</summary>
public sealed record OutsideRunEnvironmentHeld(DeploymentProtectionRequest Request, EnvironmentLock Holder, PromotionEntity Promotion) : ProtectionRuleReview(Request)
{
    public override bool Approved => false;

    public override string? PromotionId => Promotion.Id;

    public override bool StartedOutsideChat => true;
}

/// <summary>The bot's own run of a promotion in flight for this commit and environment, still allowed: approved.</summary>
public sealed record OwnRunConfirmed(DeploymentProtectionRequest Request, PromotionEntity Promotion) : ProtectionRuleReview(Request)
{
    public override bool Approved => true;

    public override string? PromotionId => Promotion.Id;

    public override bool StartedOutsideChat => false;
}

/// <summary>
/// The bot's own run, but what it judged no longer holds: HEAD moved past the judged commit, or a rule (a posture flag)
/// now refuses (<see cref="Decision"/>, null when only the commit changed).
/// </summary>
public sealed record OwnRunNoLongerAllowed(DeploymentProtectionRequest Request, PromotionEntity Promotion, string HeadSha, Decision? Decision) : ProtectionRuleReview(Request)
{
    public override bool Approved => false;

    public override string? PromotionId => Promotion.Id;

    public override bool StartedOutsideChat => false;
}

/// <summary>Nothing could be judged (GitHub unreadable, another repository, a fault in the bot): rejected with the reason.</summary>
/// <param name="OutsideChat">True when the run was being judged as one started outside the bot.</param>
public sealed record RunNotJudged(DeploymentProtectionRequest Request, string Reason, PromotionEntity? Promotion, bool OutsideChat) : ProtectionRuleReview(Request)
{
    public override bool Approved => false;

    public override string? PromotionId => Promotion?.Id;

    public override bool StartedOutsideChat => OutsideChat;
}
