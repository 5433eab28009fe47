using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>Issue #14: records name who acted by id, and nobody can pass for the bot or the tracker.</summary>
public sealed class ActorTests
{
    [Theory]
    [InlineData("teams", "obj-tracker", "tracker")]
    [InlineData("slack", "UTRACKER", "tracker")]
    [InlineData("slack", "system:tracker", "tracker")]
    [InlineData("teams", "system:bot", "bot")]
    public void A_person_named_like_the_tracker_or_the_bot_is_kept_as_themselves(string channel, string userId, string name)
    {
        var actor = Actor.Of(new RequesterIdentity(channel, userId, name));

        Assert.Equal(($"{channel}:{userId}", name), (actor.Id, actor.Name));
        Assert.False(actor.IsSystem);
        Assert.NotEqual(Actor.Tracker, actor);
        Assert.NotEqual(Actor.Bot, actor);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("SYSTEM")]
    public void No_person_can_hold_a_system_id(string channel)
    {
        Assert.Throws<ArgumentException>(() => Actor.Of(new RequesterIdentity(channel, "tracker", "tracker")));
    }

    [Fact]
    public void The_bot_and_the_tracker_are_system_actors()
    {
        Assert.Equal(("system:tracker", true), (Actor.Tracker.Id, Actor.Tracker.IsSystem));
        Assert.Equal(("system:bot", true), (Actor.Bot.Id, Actor.Bot.IsSystem));
    }
}
