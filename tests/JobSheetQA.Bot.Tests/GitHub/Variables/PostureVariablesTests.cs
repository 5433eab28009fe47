using JobSheetQA.Bot.GitHub.Variables;
using JobSheetQA.Rules.Facts;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.GitHub.Variables;

/// <summary>The variables endpoints through the gateway against the sandbox: GitHub's paths, its precedence, writes read back.</summary>
public sealed class PostureVariablesTests
{
    private const string Purge = "ENABLE_PURGE_EXECUTION";
    private const string Scheduler = "ENABLE_SCHEDULER";

    [Fact]
    public async Task Each_scope_is_read_and_the_environment_wins_over_repository_over_organisation()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.RemoveEnvironmentVariable("production", Purge);
        h.Control.SetRepositoryVariable(Purge, "true");
        h.Control.SetOrganizationVariable(Purge, "false");
        h.Control.SetOrganizationVariable(Scheduler, "true");

        var read = await Variables(h).ReadScopesAsync("production", [Purge, Scheduler]);

        Assert.True(read.Succeeded, read.Error?.Message);
        var purge = Assert.Single(read.Value, v => v.Name == Purge);
        Assert.Equal((null, "true", "false"), (purge.EnvironmentValue, purge.RepositoryValue, purge.OrganizationValue));
        Assert.Equal(VariableScope.Repository, purge.Winning.Scope);
        Assert.True(purge.Winning.IsEnabled);
        var scheduler = Assert.Single(read.Value, v => v.Name == Scheduler);
        Assert.Equal("false", scheduler.Winning.Value); // the environment's false beats the organisation's true
        Assert.Equal(VariableScope.Environment, scheduler.Winning.Scope);
        Assert.NotEmpty(h.RequestsTo("GET", h.RepoPath("/actions/variables/" + Purge)));
        Assert.Single(h.RequestsTo("GET", h.RepoPath("/actions/organization-variables")));
    }

    [Fact]
    public async Task The_repository_facts_judge_the_winning_value()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.RemoveEnvironmentVariable("production", Purge);
        h.Control.SetRepositoryVariable(Purge, "TRUE");

        var flags = await h.Facts.GetEnvironmentVariablesAsync("production", [Purge]);

        var purge = Assert.Single(flags.Value);
        Assert.True(purge.IsEnabled);
        Assert.Equal(VariableScope.Repository, purge.Scope);
    }

    [Fact]
    public async Task Setting_updates_with_patch_creates_with_post_when_absent_and_deletes_for_unset()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.RemoveEnvironmentVariable("production", Scheduler);
        var variables = Variables(h);

        Assert.True((await variables.SetEnvironmentVariableAsync("production", Purge, "true")).Succeeded);
        Assert.True((await variables.SetEnvironmentVariableAsync("production", Scheduler, "true")).Succeeded);
        Assert.Equal("true", h.Control.EnvironmentVariable("production", Purge));
        Assert.Equal("true", h.Control.EnvironmentVariable("production", Scheduler));
        Assert.Single(h.RequestsTo("PATCH", h.RepoPath($"/environments/production/variables/{Purge}")));
        Assert.Single(h.RequestsTo("POST", h.RepoPath("/environments/production/variables")));

        Assert.True((await variables.SetEnvironmentVariableAsync("production", Scheduler, null)).Succeeded);
        Assert.True((await variables.SetEnvironmentVariableAsync("production", Scheduler, null)).Succeeded); // already absent: still done
        Assert.Null(h.Control.EnvironmentVariable("production", Scheduler));
        var read = await variables.ReadScopesAsync("production", [Scheduler]);
        Assert.Null(Assert.Single(read.Value).EnvironmentValue);
    }

    [Fact]
    public async Task A_write_to_an_environment_GitHub_does_not_have_is_an_error_not_a_success()
    {
        await using var h = await GatewayHarness.StartAsync();

        var set = await Variables(h).SetEnvironmentVariableAsync("qa", Purge, "true");

        Assert.False(set.Succeeded);
    }

    private static IPostureVariables Variables(GatewayHarness h) => h.Services.GetRequiredService<IPostureVariables>();
}
