using JobSheetQA.Bot.GitHub;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class BotStartupTests
{
    [Fact]
    public async Task The_bot_starts_with_no_GitHub_settings_answers_healthz_and_reaches_the_sandbox()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var health = await client.GetStringAsync("/healthz");
        var head = await factory.Services.GetRequiredService<IRepositoryFacts>().GetBranchHeadAsync("main");

        Assert.Equal("ok", health);
        Assert.True(head.Succeeded, head.Error?.Message);
    }
}
