using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Tests.Promotions;

public sealed class PromotionLifecycleTests
{
    public static TheoryData<PromotionState, PromotionState> HappyPaths => new()
    {
        { PromotionState.Requested, PromotionState.Evaluated },
        { PromotionState.Evaluated, PromotionState.Dispatched },
        { PromotionState.Evaluated, PromotionState.AwaitingAcknowledgement },
        { PromotionState.AwaitingAcknowledgement, PromotionState.Dispatched },
        { PromotionState.Dispatched, PromotionState.Running },
        { PromotionState.Running, PromotionState.Succeeded },
        { PromotionState.Running, PromotionState.Failed },
        { PromotionState.Running, PromotionState.Cancelled },
        { PromotionState.Dispatched, PromotionState.Succeeded },
        { PromotionState.Evaluated, PromotionState.Refused },
        { PromotionState.AwaitingAcknowledgement, PromotionState.Expired },
        { PromotionState.Evaluated, PromotionState.Failed },
        { PromotionState.AwaitingAcknowledgement, PromotionState.Failed },
    };

    [Theory]
    [MemberData(nameof(HappyPaths))]
    public void The_runbook_sequence_is_allowed(PromotionState from, PromotionState to) =>
        Assert.Equal(TransitionCheck.Allowed, PromotionLifecycle.Check(from, to));

    [Theory]
    [InlineData(PromotionState.Requested, PromotionState.Dispatched)]
    [InlineData(PromotionState.Requested, PromotionState.Failed)]
    [InlineData(PromotionState.AwaitingAcknowledgement, PromotionState.Running)]
    [InlineData(PromotionState.Running, PromotionState.Dispatched)]
    [InlineData(PromotionState.Succeeded, PromotionState.Running)]
    [InlineData(PromotionState.Refused, PromotionState.Dispatched)]
    [InlineData(PromotionState.Expired, PromotionState.Dispatched)]
    [InlineData(PromotionState.Cancelled, PromotionState.Succeeded)]
    public void Skipping_evaluation_or_leaving_a_final_state_is_not_allowed(PromotionState from, PromotionState to) =>
        Assert.Equal(TransitionCheck.NotAllowed, PromotionLifecycle.Check(from, to));

    [Fact]
    public void Every_repeat_is_recognised_so_it_changes_nothing() =>
        Assert.All(Enum.GetValues<PromotionState>(), state => Assert.Equal(TransitionCheck.AlreadyThere, PromotionLifecycle.Check(state, state)));

    [Fact]
    public void Final_states_are_exactly_the_outcomes()
    {
        var final = Enum.GetValues<PromotionState>().Where(PromotionLifecycle.IsFinal);

        Assert.Equal(
            [PromotionState.Succeeded, PromotionState.Failed, PromotionState.Cancelled, PromotionState.Refused, PromotionState.Expired],
            final);
    }

    [Theory]
    [InlineData(PromotionState.AwaitingAcknowledgement, true)]
    [InlineData(PromotionState.Running, true)]
    [InlineData(PromotionState.Succeeded, false)]
    [InlineData(PromotionState.Refused, false)]
    public void A_promotion_holds_its_environment_until_it_is_final(PromotionState state, bool inFlight) =>
        Assert.Equal(inFlight, PromotionLifecycle.IsInFlight(state));

    [Fact]
    public void Every_state_can_reach_a_final_state()
    {
        foreach (var start in Enum.GetValues<PromotionState>())
        {
            var seen = new HashSet<PromotionState> { start };
            var frontier = new Queue<PromotionState>([start]);
            while (frontier.TryDequeue(out var state))
                foreach (var next in PromotionLifecycle.NextStates(state).Where(seen.Add))
                    frontier.Enqueue(next);

            Assert.Contains(seen, PromotionLifecycle.IsFinal);
        }
    }
}
