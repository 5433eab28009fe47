using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Support;

/// <summary>Short names for the changes tests make to a baseline, so each test reads as its scenario.</summary>
public static class PromotionFactsChanges
{
    public static PromotionFacts WithRequest(this PromotionFacts facts, Func<PromotionRequest, PromotionRequest> change) =>
        facts with { Request = change(facts.Request) };

    public static PromotionFacts SkippingParity(this PromotionFacts facts, string? acknowledgement) =>
        facts.WithRequest(r => r with { SkipParity = true, AcknowledgementText = acknowledgement });

    /// <summary>Sets one posture variable of the request's environment (null = unset).</summary>
    public static PromotionFacts WithFlag(this PromotionFacts facts, string name, string? value) =>
        facts with
        {
            PostureFlags = [.. facts.PostureFlags.Where(f => f.Name != name), new PostureFlag(facts.Request.Environment, name, value)],
        };

    public static PromotionFacts WithWindows(this PromotionFacts facts, params WriteWindow[] windows) =>
        facts with { WriteWindows = windows };

    public static PromotionFacts WithWorkflow(this PromotionFacts facts, Func<WorkflowAnalysis, WorkflowAnalysis> change) =>
        facts with { Workflow = facts.Workflow with { Analysis = change(facts.Workflow.Analysis!) } };

    public static PromotionFacts WithoutWorkflowFile(this PromotionFacts facts) =>
        facts with { Workflow = facts.Workflow with { Analysis = null } };

    public static PromotionFacts WithSecrets(this PromotionFacts facts, params string[] names) =>
        facts with { Secrets = facts.Secrets with { Names = new HashSet<string>(names, StringComparer.Ordinal) } };

    public static PromotionFacts WithLockHeldBy(this PromotionFacts facts, string holder, string promotionId, DateTimeOffset since) =>
        facts with { InFlight = [new PromotionInFlight(promotionId, facts.Request.Environment, holder, since)] };
}
