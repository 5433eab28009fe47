using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Tests.Policy;

public sealed class PolicyDurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 15 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("1d", 86400)]
    [InlineData("26h", 26 * 3600)]
    public void Whole_number_and_unit_is_a_duration(string text, int seconds)
    {
        Assert.True(PolicyDuration.TryParse(text, out var duration, out var problem), problem);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("90")]
    [InlineData("1w")]
    [InlineData("1.5h")]
    [InlineData("15 m")]
    [InlineData(" 15m")]
    [InlineData("15M")]
    [InlineData("1h30m")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("99999999999999999999d")]
    [InlineData("999999999d")]
    public void Anything_else_is_refused_with_a_reason(string? text)
    {
        Assert.False(PolicyDuration.TryParse(text, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData("90s")]
    [InlineData("15m")]
    [InlineData("26h")]
    [InlineData("2d")]
    public void Format_gives_back_the_shortest_policy_text(string text)
    {
        Assert.True(PolicyDuration.TryParse(text, out var duration, out _));
        Assert.Equal(text, PolicyDuration.Format(duration));
    }

    [Theory]
    [InlineData(0, 0, 0, "0s")]
    [InlineData(0, 45, 0, "45m")]
    [InlineData(1, 30, 0, "1h30m")]
    [InlineData(26, 0, 0, "26h")]
    [InlineData(2, 0, 5, "2h5s")]
    public void Describe_writes_hours_minutes_and_seconds(int hours, int minutes, int seconds, string expected) =>
        Assert.Equal(expected, PolicyDuration.Describe(new TimeSpan(hours, minutes, seconds)));
}
