using System.Text.RegularExpressions;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Rules.Facts;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Transcripts.Support;

/// <summary>
/// A chat with the whole bot against its in-process GitHub sandbox, for transcript tests that read like the chat:
/// a user line, the bot's answer, then what GitHub saw. Tracking is recorded, not run (the Jobs module's job).
/// </summary>
public abstract partial class TranscriptTest : IAsyncLifetime
{
    protected ChatTestHost Chat { get; private set; } = null!;

    protected SandboxControlClient GitHub { get; private set; } = null!;

    protected RecordingRunTrackingScheduler Tracking { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Chat = ChatTestHost.Start(await StorageSettingsAsync(), services =>
        {
            services.AddSingleton<IRunTrackingScheduler>(Tracking);
            ConfigureServices(services);
        });
        GitHub = new SandboxControlClient(Chat);
    }

    /// <summary>Where the bot keeps its data: SQLite in the temp folder by default; see <see cref="TranscriptStorage"/> for PostgreSQL.</summary>
    protected virtual Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(TranscriptStorage.Sqlite());

    /// <summary>Replaces services of the bot for one test class (registered after Program.cs, so they win).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        GitHub.Dispose();
        await Chat.DisposeAsync();
    }

    /// <summary>The promotion id a reply names (<c>promotion `k7m2q9xa`</c>).</summary>
    public static string PromotionIdIn(string reply)
    {
        var match = PromotionIdPattern().Match(reply);
        Assert.True(match.Success, $"No promotion id in:\n{reply}");
        return match.Groups[1].Value;
    }

    protected async Task<PromotionEntity> PromotionAsync(string id) =>
        await Chat.Get<PromotionStore>().FindAsync(id) ?? throw new InvalidOperationException($"No promotion {id}");

    /// <summary>Records a clean, verified staging success of <paramref name="commitSha"/>, as tracking and <c>verify staging</c> would.</summary>
    protected async Task RecordVerifiedStagingSuccessAsync(string commitSha)
    {
        var now = DateTimeOffset.UtcNow;
        var id = PromotionIds.New();
        await Chat.Get<PromotionStore>().AddAsync(new PromotionEntity
        {
            Id = id,
            Environment = "staging",
            Ref = "main",
            CommitSha = commitSha,
            RequesterChannel = TestChannel.Name,
            RequesterUserId = "dana",
            RequesterDisplayName = "Dana",
            State = PromotionState.Succeeded,
            CorrelationId = id,
            CreatedAt = now.AddMinutes(-30),
            UpdatedAt = now.AddMinutes(-20),
            CompletedAt = now.AddMinutes(-20),
            GateResults = Enum.GetValues<PromotionStep>()
                .Select(step => new GateResultEntity { PromotionId = id, Step = step, Outcome = StepOutcome.Passed, CompletedAt = now.AddMinutes(-20) })
                .ToList(),
        });
        await Chat.Get<StagingVerificationStore>().RecordAsync(new StagingVerification("staging", commitSha, "Dana", now.AddMinutes(-10), true, true, true));
    }

    [GeneratedRegex("promotion `([a-z2-9]{8})`", RegexOptions.IgnoreCase)]
    private static partial Regex PromotionIdPattern();
}
