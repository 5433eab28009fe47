using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Decisions;

/// <summary>
/// Runbook scenarios end to end through the compiled engine: each row changes the all-green baseline along the
/// runbook's dimensions and states the overall verdict and exactly which rules raised a finding.
/// </summary>
public sealed class DecisionTableTests
{
    public enum Ack { None, Exact, WrongCase, Leading, Trailing, Extra }

    /// <summary>Production's staging evidence (staging has none to give).</summary>
    public enum Evidence { Present, Missing, Unverified, Neither, SkippedParity, FailedParity }

    public enum Flags { Unset, False, Purge, Scheduler, Both }

    public enum Window { None, Open, Closed, Expired }

    public enum Secrets { Present, MissingOne, MissingAll }

    public enum Wf { Good, MissingFile, Bypass, NoAckCheck, NoParitySource, BadInputs, NoParityGateJob }

    private const string Phrase = "I_ACCEPT_PARITY_SKIP";

    // The scenarios are a table: its columns stay aligned.
#pragma warning disable format
    [Theory]
    //          env           skip   ack             evidence                 flags            window          secrets             workflow           branch     lock   verdict                          rule ids with findings
    // Baselines
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    // §2.4, §5.4: staging skip and its acknowledgement
    [InlineData("staging",    true,  Ack.Exact,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    [InlineData("staging",    true,  Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.RequireAcknowledgement,  "REQ-SKIP-ACK")]
    [InlineData("staging",    true,  Ack.WrongCase, Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-SKIP-ACK")]
    [InlineData("staging",    true,  Ack.Leading,   Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-SKIP-ACK")]
    [InlineData("staging",    true,  Ack.Trailing,  Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-SKIP-ACK")]
    [InlineData("staging",    true,  Ack.Extra,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-SKIP-ACK")]
    [InlineData("staging",    false, Ack.WrongCase, Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    // §2.4, §5.5: production skip is refused outright, whatever was typed, before any acknowledgement is asked for
    [InlineData("production", true,  Ack.Exact,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-NO-PROD-SKIP")]
    [InlineData("production", true,  Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-NO-PROD-SKIP")]
    [InlineData("production", true,  Ack.WrongCase, Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-NO-PROD-SKIP")]
    [InlineData("production", true,  Ack.Leading,   Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-NO-PROD-SKIP")]
    [InlineData("production", true,  Ack.Extra,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-NO-PROD-SKIP")]
    [InlineData("production", false, Ack.Exact,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    // §3: staging first
    [InlineData("production", false, Ack.None,      Evidence.Missing,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "STAGE-FIRST")]
    [InlineData("production", false, Ack.None,      Evidence.Unverified,    Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "STAGE-FIRST")]
    [InlineData("production", false, Ack.None,      Evidence.Neither,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "STAGE-FIRST")]
    [InlineData("production", false, Ack.None,      Evidence.FailedParity,  Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "STAGE-FIRST")]
    [InlineData("production", false, Ack.None,      Evidence.SkippedParity, Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "STAGE-FIRST")]
    [InlineData("production", true,  Ack.Exact,     Evidence.SkippedParity, Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-NO-PROD-SKIP,STAGE-FIRST")]
    [InlineData("staging",    false, Ack.None,      Evidence.Missing,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    // §4.1–4.3: read-only posture and write windows
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.False,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Purge,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "POSTURE-PURGE")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Scheduler, Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "POSTURE-SCHED")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Both,      Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "POSTURE-PURGE,POSTURE-SCHED")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Both,      Window.Open,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "POSTURE-PURGE,POSTURE-SCHED")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Purge,     Window.Closed,  Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "POSTURE-PURGE")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Scheduler, Window.Expired, Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "POSTURE-SCHED")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.Open,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Both,      Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Allow,                   "")]
    [InlineData("production", true,  Ack.Exact,     Evidence.Present,       Flags.Purge,     Window.Open,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "POSTURE-PURGE,REQ-NO-PROD-SKIP")]
    // §5.3: secrets
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.MissingOne, Wf.Good,           "main",    false, Verdict.Deny,                    "SECRETS")]
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.MissingAll, Wf.Good,           "main",    false, Verdict.Deny,                    "SECRETS")]
    // §2.1, §5.1: the workflow file
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.MissingFile,    "main",    false, Verdict.Deny,                    "WORKFLOW-INPUTS")]
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.BadInputs,      "main",    false, Verdict.Deny,                    "WORKFLOW-INPUTS")]
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Bypass,         "main",    false, Verdict.Deny,                    "WORKFLOW-NO-BYPASS")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.NoAckCheck,     "main",    false, Verdict.Deny,                    "WORKFLOW-ACK-CHECK")]
    [InlineData("staging",    true,  Ack.Exact,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.NoAckCheck,     "main",    false, Verdict.Deny,                    "WORKFLOW-ACK-CHECK")]
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.NoParitySource, "main",    false, Verdict.Deny,                    "WORKFLOW-PARITY-SOURCE")]
    [InlineData("staging",    true,  Ack.Leading,   Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.MissingFile,    "main",    false, Verdict.Deny,                    "REQ-SKIP-ACK,WORKFLOW-INPUTS")]
    // §2.3: the gate jobs
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.NoParityGateJob, "main",   false, Verdict.Deny,                    "WORKFLOW-GATES")]
    // §2.3: branch
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "develop", false, Verdict.Deny,                    "REQ-BRANCH")]
    [InlineData("production", true,  Ack.Exact,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "develop", false, Verdict.Deny,                    "REQ-BRANCH,REQ-NO-PROD-SKIP")]
    // One promotion per environment
    [InlineData("staging",    false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    true,  Verdict.Deny,                    "LOCK")]
    [InlineData("production", false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    true,  Verdict.Deny,                    "LOCK")]
    [InlineData("staging",    true,  Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    true,  Verdict.Deny,                    "LOCK,REQ-SKIP-ACK")]
    // §2.1: target environment
    [InlineData("qa",         false, Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-ENV")]
    [InlineData("qa",         true,  Ack.Exact,     Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-ENV")]
    [InlineData("Production", true,  Ack.None,      Evidence.Present,       Flags.Unset,     Window.None,    Secrets.Present,    Wf.Good,           "main",    false, Verdict.Deny,                    "REQ-ENV")]
    // Everything wrong at once: every rule speaks, none hides another
    [InlineData("production", true,  Ack.Exact,     Evidence.Neither,       Flags.Both,      Window.Expired, Secrets.MissingAll, Wf.Bypass,         "develop", true,  Verdict.Deny,                    "LOCK,POSTURE-PURGE,POSTURE-SCHED,REQ-BRANCH,REQ-NO-PROD-SKIP,SECRETS,STAGE-FIRST,WORKFLOW-NO-BYPASS")]
    [InlineData("production", false, Ack.None,      Evidence.Unverified,    Flags.Scheduler, Window.Open,    Secrets.MissingOne, Wf.NoParitySource, "main",    false, Verdict.Deny,                    "POSTURE-SCHED,SECRETS,STAGE-FIRST,WORKFLOW-PARITY-SOURCE")]
#pragma warning restore format
    public void Runbook_scenario(
        string environment, bool skip, Ack ack, Evidence evidence, Flags flags, Window window, Secrets secrets, Wf workflow,
        string branch, bool lockHeld, Verdict expectedVerdict, string expectedRuleIds)
    {
        var facts = TestFacts.For(environment.ToLowerInvariant()) with { Request = TestFacts.Request(environment) };
        if (environment.ToLowerInvariant() == EnvironmentNames.Production)
            facts = WithEvidence(facts, evidence);
        facts = facts.WithRequest(r => r with
        {
            SkipParity = skip,
            AcknowledgementText = Typed(ack),
            Ref = $"refs/heads/{branch}",
        });
        facts = WithFlags(facts, flags);
        facts = WithWindow(facts, window);
        facts = WithSecrets(facts, secrets);
        facts = WithWorkflow(facts, workflow);
        if (lockHeld)
            facts = facts.WithLockHeldBy("lee@jobsheetqa.example", "prm-0037", TestFacts.Now.AddMinutes(-45));

        var decision = SharedEngine.Instance.Decide(facts);

        Assert.Equal(expectedVerdict, decision.Verdict);
        Assert.Equal(expectedRuleIds.Split(',', StringSplitOptions.RemoveEmptyEntries), decision.RuleIds());
        AssertFindingsMatchTheirRules(decision);
    }

    [Fact]
    public void The_table_covers_at_least_forty_scenarios()
    {
        var rows = typeof(DecisionTableTests).GetMethod(nameof(Runbook_scenario))!
            .GetCustomAttributes(typeof(InlineDataAttribute), inherit: false).Length;

        Assert.True(rows >= 40, $"{rows} rows");
    }

    /// <summary>A finding carries its rule's section and an outcome its rule declares; the catalogue would lie otherwise.</summary>
    private static void AssertFindingsMatchTheirRules(Decision decision)
    {
        Assert.All(decision.Findings, finding =>
        {
            var rule = RuleCatalogue.Find(finding.RuleId);
            Assert.NotNull(rule);
            Assert.Equal(rule.RunbookSection, finding.RunbookSection);
            Assert.Contains(finding.Outcome, rule.Outcomes);
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        });
    }

    private static string? Typed(Ack ack) => ack switch
    {
        Ack.None => null,
        Ack.Exact => Phrase,
        Ack.WrongCase => Phrase.ToLowerInvariant(),
        Ack.Leading => " " + Phrase,
        Ack.Trailing => Phrase + " ",
        Ack.Extra => Phrase + "!",
        _ => throw new ArgumentOutOfRangeException(nameof(ack)),
    };

    private static PromotionFacts WithEvidence(PromotionFacts facts, Evidence evidence) => evidence switch
    {
        Evidence.Present => facts,
        Evidence.Missing => facts with { PriorPromotions = [] },
        Evidence.Unverified => facts with { Verifications = [] },
        Evidence.Neither => facts with { PriorPromotions = [], Verifications = [] },
        Evidence.SkippedParity => facts with { PriorPromotions = [TestFacts.StagingPromotion(paritySkipped: true)] },
        Evidence.FailedParity => facts with
        {
            PriorPromotions =
            [
                TestFacts.StagingPromotion(succeeded: false) with
                {
                    Steps = Enum.GetValues<PromotionStep>().ToDictionary(
                        step => step,
                        step => step switch
                        {
                            PromotionStep.ParityGate => StepOutcome.Failed,
                            PromotionStep.Deploy => StepOutcome.Skipped,
                            _ => StepOutcome.Passed,
                        }),
                },
            ],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(evidence)),
    };

    private static PromotionFacts WithFlags(PromotionFacts facts, Flags flags) => flags switch
    {
        Flags.Unset => facts,
        Flags.False => facts.WithFlag("ENABLE_PURGE_EXECUTION", "false").WithFlag("ENABLE_SCHEDULER", "false"),
        Flags.Purge => facts.WithFlag("ENABLE_PURGE_EXECUTION", "true"),
        Flags.Scheduler => facts.WithFlag("ENABLE_SCHEDULER", "true"),
        Flags.Both => facts.WithFlag("ENABLE_PURGE_EXECUTION", "true").WithFlag("ENABLE_SCHEDULER", "true"),
        _ => throw new ArgumentOutOfRangeException(nameof(flags)),
    };

    private static PromotionFacts WithWindow(PromotionFacts facts, Window window) => window switch
    {
        Window.None => facts,
        Window.Open => facts.WithWindows(TestFacts.Window()),
        Window.Closed => facts.WithWindows(TestFacts.Window(closedAt: TestFacts.Now.AddMinutes(-10))),
        Window.Expired => facts.WithWindows(TestFacts.Window(endsAt: TestFacts.Now.AddMinutes(-1))),
        _ => throw new ArgumentOutOfRangeException(nameof(window)),
    };

    private static PromotionFacts WithSecrets(PromotionFacts facts, Secrets secrets) => secrets switch
    {
        Secrets.Present => facts,
        Secrets.MissingOne => facts.WithSecrets("MISTRAL_API_KEY"),
        Secrets.MissingAll => facts.WithSecrets(),
        _ => throw new ArgumentOutOfRangeException(nameof(secrets)),
    };

    private static PromotionFacts WithWorkflow(PromotionFacts facts, Wf workflow) => workflow switch
    {
        Wf.Good => facts,
        Wf.MissingFile => facts.WithoutWorkflowFile(),
        Wf.Bypass => facts.WithWorkflow(a => a with { BypassLines = [73] }),
        Wf.NoAckCheck => facts.WithWorkflow(a => a with { AcknowledgementCheckLines = [] }),
        Wf.NoParitySource => facts.WithWorkflow(a => a with { ParityReportLines = [] }),
        Wf.BadInputs => facts.WithWorkflow(a => a with { InputProblems = ["skip_parity is missing"] }),
        Wf.NoParityGateJob => facts.WithWorkflow(a => a with { Jobs = [.. TestFacts.GateJobs.Where(job => job.Name != "Parity Gate")] }),
        _ => throw new ArgumentOutOfRangeException(nameof(workflow)),
    };
}
