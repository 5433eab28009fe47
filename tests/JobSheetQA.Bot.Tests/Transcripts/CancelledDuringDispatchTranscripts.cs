using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>
/// The requester cancels while a dispatch of unknown outcome is under way: nothing tracks the promotion afterwards,
/// so the bot looks for the run at once and cancels it rather than let it deploy what was called off.
/// </summary>
public sealed class CancelledDuringDispatchTranscripts : TranscriptTest
{
    private readonly IPromotionDispatcher dispatcher = Substitute.For<IPromotionDispatcher>();
    private readonly IWorkflowRunTracker runs = Substitute.For<IWorkflowRunTracker>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        dispatcher.DispatchAsync(Arg.Any<PromotionDispatch>(), Arg.Any<CancellationToken>()).Returns(async call =>
        {
            // "cancel" lands while GitHub is slow to answer the dispatch.
            await Chat.Get<PromotionTransitions>().MoveAsync(call.Arg<PromotionDispatch>().CorrelationId, PromotionState.Cancelled, new Actor("test:dana", "Dana"));
            return GitHubResult<DispatchedRun>.Failure(new GitHubError(GitHubErrorKind.Timeout, "GitHub did not answer within 30 s"));
        });
        services.AddSingleton(dispatcher);
        services.AddSingleton(runs);
    }

    [Fact]
    public async Task A_run_that_appears_for_a_promotion_cancelled_during_its_dispatch_is_cancelled()
    {
        dispatcher.FindRunByCorrelationIdAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(GitHubResult<DispatchedRun?>.Success(new DispatchedRun(4242, null, RunIdSource.CorrelationSearch)));
        runs.CancelRunAsync(4242, Arg.Any<CancellationToken>()).Returns(GitHubResult<CancelOutcome>.Success(CancelOutcome.CancellationRequested));

        var bot = await Chat.SayAsync("dana", "promote staging");

        Assert.Contains("was cancelled while GitHub was asked to run `promotion.yml`; I asked GitHub to cancel its run 4242.", bot, StringComparison.Ordinal);
        await runs.Received(1).CancelRunAsync(4242, Arg.Any<CancellationToken>());
        Assert.Empty(Tracking.Requests);
        Assert.Null(await Chat.Get<PromotionLocks>().GetAsync("staging"));
    }

    [Fact]
    public async Task With_no_run_yet_the_requester_is_told_how_to_recognise_one()
    {
        dispatcher.FindRunByCorrelationIdAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(GitHubResult<DispatchedRun?>.Success(null));

        var bot = await Chat.SayAsync("dana", "promote staging");

        Assert.Contains("and GitHub did not confirm a run. If a run titled with `[", bot, StringComparison.Ordinal);
        await runs.DidNotReceive().CancelRunAsync(Arg.Any<long>(), Arg.Any<CancellationToken>());
    }
}
