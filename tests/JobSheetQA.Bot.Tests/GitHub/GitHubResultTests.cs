using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class GitHubResultTests
{
    [Fact]
    public void A_success_carries_its_value_and_maps()
    {
        GitHubResult<int> result = 41;

        Assert.True(result.Succeeded);
        Assert.Equal(42, result.Map(v => v + 1).Value);
    }

    [Fact]
    public void A_failure_carries_its_error_and_reading_the_value_is_a_bug()
    {
        GitHubResult<int> result = new GitHubError(GitHubErrorKind.NotFound, "promotion.yml not found on main", 404);

        Assert.False(result.Succeeded);
        Assert.Equal(GitHubErrorKind.NotFound, result.Map(v => v.ToString()).Error!.Kind);
        var ex = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("promotion.yml not found on main", ex.Message);
    }
}
