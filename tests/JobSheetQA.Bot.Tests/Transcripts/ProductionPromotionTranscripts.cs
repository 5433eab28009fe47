using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>Runs on SQLite and on PostgreSQL (<see cref="OnSqlite"/>, <see cref="OnPostgreSql"/>).</summary>
public abstract class ProductionPromotionTranscripts : TranscriptTest
{
    [Fact]
    public async Task Production_before_a_verified_staging_success_is_refused_citing_STAGE_FIRST()
    {
        var bot = await Chat.SayAsync("dana", "promote production");

        Assert.StartsWith("Denied: promote production from main", bot, StringComparison.Ordinal);
        Assert.Contains("DENY STAGE-FIRST (runbook §3): Deploy to staging first", bot, StringComparison.Ordinal);
        Assert.Contains("refused; nothing was dispatched", bot, StringComparison.Ordinal);
        Assert.Equal(PromotionState.Refused, (await PromotionAsync(PromotionIdIn(bot))).State);
        Assert.Empty(await GitHub.RunsAsync());
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("production"));
    }

    [Fact]
    public async Task Production_after_a_verified_staging_success_of_the_same_commit_is_dispatched_once_the_checklist_is_confirmed()
    {
        await RecordVerifiedStagingSuccessAsync(await GitHub.BranchHeadAsync());

        var asked = await Chat.SayAsync("dana", "promote production");
        Assert.StartsWith("**Read-only posture checklist** before promote production", asked, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());

        var bot = await Chat.SayAsync("dana", "yes yes yes");

        Assert.StartsWith("**Dispatched** promote production", bot, StringComparison.Ordinal);
        var run = Assert.Single(await GitHub.RunsAsync());
        Assert.Equal("production", run.Inputs["target_environment"]);
        Assert.Equal("false", run.Inputs["skip_parity"]);
        Assert.Equal("", run.Inputs["skip_parity_acknowledgement"]);
    }

    [Fact]
    public async Task Production_without_the_checklist_confirmed_is_refused_naming_the_rule()
    {
        await RecordVerifiedStagingSuccessAsync(await GitHub.BranchHeadAsync());
        Assert.StartsWith("**Read-only posture checklist**", await Chat.SayAsync("dana", "promote production"), StringComparison.Ordinal);

        // Someone else's "yes" is no answer (the question is bound to Dana); an unreadable answer leaves it open.
        Assert.StartsWith("I don't know \"yes\"", await Chat.SayAsync("paula", "yes yes yes"), StringComparison.Ordinal);
        Assert.StartsWith("I could not read `maybe` as the posture checklist", await Chat.SayAsync("dana", "maybe"), StringComparison.Ordinal);

        var bot = await Chat.SayAsync("dana", "yes yes no");

        Assert.StartsWith("Denied: promote production from main", bot, StringComparison.Ordinal);
        Assert.Contains("DENY POSTURE-CHECKLIST (runbook §4.2)", bot, StringComparison.Ordinal);
        Assert.Contains("monitoring alerts are configured", bot, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("production"));
    }

    [Fact]
    public async Task Production_skip_is_refused_before_any_acknowledgement_is_asked_for()
    {
        await RecordVerifiedStagingSuccessAsync(await GitHub.BranchHeadAsync());

        var bot = await Chat.SayAsync("dana", "promote production skip parity");

        Assert.StartsWith("Denied: promote production from main", bot, StringComparison.Ordinal);
        Assert.Contains("DENY REQ-NO-PROD-SKIP (runbook §2.4, §5.5): Cannot skip parity for production", bot, StringComparison.Ordinal);
        Assert.DoesNotContain("I_ACCEPT_PARITY_SKIP", bot, StringComparison.Ordinal);
        Assert.Empty(await Chat.Get<AcknowledgementStore>().PendingForRequesterAsync(TestChannel.Name, "dana", DateTimeOffset.UtcNow));
        Assert.Empty(await GitHub.RunsAsync());

        // Typing the phrase afterwards changes nothing.
        var after = await Chat.SayAsync("dana", "I_ACCEPT_PARITY_SKIP");
        Assert.StartsWith("There is no acknowledgement waiting for you", after, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
    }

    [Fact]
    public async Task Production_with_purge_execution_enabled_is_refused_citing_POSTURE_PURGE()
    {
        await RecordVerifiedStagingSuccessAsync(await GitHub.BranchHeadAsync());
        await GitHub.SetEnvironmentVariableAsync("production", "ENABLE_PURGE_EXECUTION", "true");

        var bot = await Chat.SayAsync("dana", "promote production");

        Assert.StartsWith("Denied: promote production", bot, StringComparison.Ordinal);
        Assert.Contains("DENY POSTURE-PURGE (runbook §4.1", bot, StringComparison.Ordinal);
        Assert.Contains("ENABLE_PURGE_EXECUTION", bot, StringComparison.Ordinal);
        Assert.Empty(await GitHub.RunsAsync());
    }

    public sealed class OnSqlite : ProductionPromotionTranscripts
    {
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : ProductionPromotionTranscripts
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => TranscriptStorage.PostgreSqlAsync(cluster);
    }
}
