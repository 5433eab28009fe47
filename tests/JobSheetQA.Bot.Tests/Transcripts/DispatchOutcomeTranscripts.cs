using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>A dispatch whose outcome GitHub left unknown: the bot must neither dispatch again nor free the environment.</summary>
public sealed class DispatchOutcomeTranscripts : TranscriptTest
{
    private readonly IPromotionDispatcher dispatcher = Substitute.For<IPromotionDispatcher>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        dispatcher.DispatchAsync(Arg.Any<PromotionDispatch>(), Arg.Any<CancellationToken>())
            .Returns(GitHubResult<DispatchedRun>.Failure(new GitHubError(GitHubErrorKind.RunNotFound, "GitHub accepted the dispatch but its run did not appear within 2 minutes")));
        services.AddSingleton(dispatcher);
    }

    [Fact]
    public async Task A_run_that_cannot_be_confirmed_is_left_to_the_tracker_and_never_dispatched_twice()
    {
        var bot = await Chat.SayAsync("dana", "promote staging");

        Assert.StartsWith("I asked GitHub to run `promotion.yml` for promote staging", bot, StringComparison.Ordinal);
        Assert.Contains("could not confirm the run: GitHub accepted the dispatch but its run did not appear", bot, StringComparison.Ordinal);
        Assert.Contains("I will not dispatch it again", bot, StringComparison.Ordinal);
        var id = PromotionIdIn(bot);
        var promotion = await PromotionAsync(id);
        Assert.Equal(PromotionState.Dispatched, promotion.State);
        Assert.Null(promotion.RunId);
        Assert.Equal([id], Tracking.Requests);
        Assert.Equal(id, (await Chat.Get<PromotionLocks>().GetAsync("staging"))!.PromotionId);
        await dispatcher.Received(1).DispatchAsync(Arg.Is<PromotionDispatch>(d => d.CorrelationId == id && d.Environment == "staging"), Arg.Any<CancellationToken>());
    }
}
