using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Evidence.Parity;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.Rules.Policy;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>
/// The violations a failure notice lists are judged against the thresholds at the promoted commit, as the Parity Gate
/// judged them, even when the branch has moved on since. (The sandbox keeps one copy of each file, not one per commit,
/// so the repository is a substitute that answers per ref.)
/// </summary>
public sealed class ParityViolationReaderTests
{
    private const string Commit = "c04b6e19f2a83d57e0c1b2a3948d5e6f7a8b9c0d";
    private const long RunId = 4242;

    // What main says after the dispatch: every limit loosened, so the failing sample breaks none of them.
    private const string LoosenedThresholds = """
        {
          "schema_version": 1,
          "missing_metric_is_violation": true,
          "thresholds": {
            "field_match_rate": { "min": 0.9 },
            "document_match_rate": { "min": 0.8 },
            "critical_field_mismatches": { "max": 5 },
            "ocr_character_error_rate": { "max": 0.05 },
            "validation_agreement_rate": { "min": 0.9 },
            "document_error_rate": { "max": 0.05 },
            "p95_latency_ms": { "max": 10000 }
          }
        }
        """;

    [Fact]
    public async Task Violations_are_judged_against_the_thresholds_at_the_promoted_commit_not_the_branch_tip()
    {
        var runs = Substitute.For<IWorkflowRunTracker>();
        runs.DownloadParityReportAsync(RunId, Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(GitHubResult<ParityReportFile>.Success(new ParityReportFile(RunId, 7, "latest.json", File.ReadAllBytes(Sample("parity/samples/latest.fail.json")))));
        var repository = Substitute.For<IRepositoryFacts>();
        repository.GetFileAsync(PromotionFactsGatherer.ThresholdsPath, Commit, Arg.Any<CancellationToken>())
            .Returns(Thresholds(Commit, File.ReadAllText(Sample(PromotionFactsGatherer.ThresholdsPath))));
        repository.GetFileAsync(PromotionFactsGatherer.ThresholdsPath, "main", Arg.Any<CancellationToken>())
            .Returns(Thresholds("main", LoosenedThresholds));

        var policy = PolicyLoader.LoadFile(Sample("rules/policy.yaml"));
        var findings = await new ParityViolationReader(new ParityEvidenceReader(runs, repository, policy)).ReadAsync(Promotion(), CancellationToken.None);

        Assert.Null(findings.Problem);
        var violations = findings.Evidence!.Comparison!.Violations.Select(ParityEvidenceText.Violation).ToList();
        Assert.Contains("field_match_rate 0.912 < min 0.95 (short by 0.038)", violations);
        Assert.Contains("document_match_rate 0.831 < min 0.9 (short by 0.069)", violations);
        Assert.Contains("critical_field_mismatches 3 > max 0 (over by 3)", violations);
        Assert.Contains("p95_latency_ms 9120 > max 8000 (over by 1120)", violations);
        Assert.Equal(4, violations.Count);
        await repository.DidNotReceive().GetFileAsync(Arg.Any<string>(), "main", Arg.Any<CancellationToken>());
    }

    private static PromotionEntity Promotion() => new()
    {
        Id = "k7m2q9xa",
        Environment = "staging",
        Ref = "main",
        CommitSha = Commit,
        RequesterChannel = "teams",
        RequesterUserId = "user-alice",
        RequesterDisplayName = "Alice",
        RequesterEmail = "alice@example.com",
        State = PromotionState.Failed,
        CorrelationId = "k7m2q9xa",
        RunId = RunId,
    };

    private static GitHubResult<RepositoryFile> Thresholds(string gitRef, string text) =>
        GitHubResult<RepositoryFile>.Success(new RepositoryFile(PromotionFactsGatherer.ThresholdsPath, gitRef, Found: true, text, BlobSha: null));

    private static string Sample(string relativePath) => Path.Combine(RepositoryRoot.Path, relativePath);
}
