using JobSheetQA.Rules.Catalogue;

namespace JobSheetQA.Rules.Decisions;

/// <summary>The outcome of evaluating one rule set against one set of facts.</summary>
/// <param name="Findings">Every deny, acknowledgement and warning, strongest first.</param>
/// <param name="Evaluated">Every rule of the rule set, in catalogue order.</param>
public sealed record Decision(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleInfo> Evaluated)
{
    public Verdict Verdict =>
        Findings.Any(f => f.Outcome == FindingOutcome.Deny) ? Verdict.Deny
        : Findings.Any(f => f.Outcome == FindingOutcome.RequireAcknowledgement) ? Verdict.RequireAcknowledgement
        : Verdict.Allow;

    /// <summary>The rules that raised nothing.</summary>
    public IReadOnlyList<RuleInfo> Passed => Evaluated.Where(rule => Findings.All(f => f.RuleId != rule.Id)).ToList();

    public IEnumerable<Finding> Denials => Findings.Where(f => f.Outcome == FindingOutcome.Deny);

    public IEnumerable<Finding> Acknowledgements => Findings.Where(f => f.Outcome == FindingOutcome.RequireAcknowledgement);

    public IEnumerable<Finding> Warnings => Findings.Where(f => f.Outcome == FindingOutcome.Warn);

    /// <summary>One rule's verdict: its strongest finding, or pass.</summary>
    public RuleVerdict VerdictOf(string ruleId)
    {
        // A loop by index, not a query or an enumerator (each an allocation): a dry run asks this of every rule in the
        // catalogue (tests/load).
        bool deny = false, acknowledge = false, warn = false;
        for (var i = 0; i < Findings.Count; i++)
        {
            var finding = Findings[i];
            if (finding.RuleId != ruleId)
                continue;
            deny |= finding.Outcome == FindingOutcome.Deny;
            acknowledge |= finding.Outcome == FindingOutcome.RequireAcknowledgement;
            warn |= finding.Outcome == FindingOutcome.Warn;
        }

        return deny ? RuleVerdict.Deny
            : acknowledge ? RuleVerdict.RequireAcknowledgement
            : warn ? RuleVerdict.Warn
            : RuleVerdict.Pass;
    }

    public bool HasFinding(string ruleId) => Findings.Any(f => f.RuleId == ruleId);
}
