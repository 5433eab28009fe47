using System.Net;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Policy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Hosting;

// WebApplicationFactory needs a public type of the bot assembly to find its entry point; any one will do.
public sealed class StartupTests : IClassFixture<WebApplicationFactory<PolicyOptions>>
{
    private readonly WebApplicationFactory<PolicyOptions> factory;

    public StartupTests(WebApplicationFactory<PolicyOptions> factory) => this.factory = factory;

    [Fact]
    public async Task Host_answers_healthz_with_ok()
    {
        using var client = this.factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Host_registers_the_shipped_policy()
    {
        var policy = this.factory.Services.GetRequiredService<PromotionPolicy>();

        Assert.Equal("I_ACCEPT_PARITY_SKIP", policy.Acknowledgement.Phrase);
        Assert.False(policy.FindEnvironment("production")!.AllowParitySkip);
    }

    [Fact]
    public void Rules_are_compiled_once_per_process_and_shared_by_every_host()
    {
        using var second = this.factory.WithWebHostBuilder(_ => { });

        Assert.Same(this.factory.Services.GetRequiredService<PolicyEngine>(), second.Services.GetRequiredService<PolicyEngine>());
    }

    [Fact]
    public void Host_refuses_to_start_without_a_policy_file_setting()
    {
        using var factory = this.factory.WithWebHostBuilder(builder => builder.UseSetting("Policy:File", " "));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Policy:File", ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_refuses_to_start_with_an_invalid_policy_and_names_file_line_and_key()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        var shipped = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "policy.yaml"));
        var skipLine = Array.FindIndex(shipped, l => l.StartsWith("    allow_parity_skip: false", StringComparison.Ordinal));
        Assert.True(skipLine >= 0, "test setup: production's allow_parity_skip line not found in the shipped policy");
        shipped[skipLine] = "    allow_parity_skip: true";
        var durationLine = Array.FindIndex(shipped, l => l.StartsWith("  max_age:", StringComparison.Ordinal));
        shipped[durationLine] = "  max_age: soon";
        File.WriteAllLines(path, shipped);
        try
        {
            using var factory = this.factory.WithWebHostBuilder(builder => builder.UseSetting("Policy:File", path));

            var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            var invalid = ExceptionChain.Find<PolicyValidationException>(failure);
            Assert.Equal(2, invalid.Errors.Count);
            Assert.Contains($"{path}:{skipLine + 1}:5: environments[1].allow_parity_skip: production parity skip is impossible", failure.ToString(), StringComparison.Ordinal);
            Assert.Contains($"{path}:{durationLine + 1}:3: nightly_parity.max_age: 'soon' is not a duration", failure.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Host_refuses_to_start_when_the_policy_file_is_missing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-policy-{Guid.NewGuid():N}.yaml");
        using var factory = this.factory.WithWebHostBuilder(builder => builder.UseSetting("Policy:File", path));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"{path}: policy file not found", ExceptionChain.Find<PolicyValidationException>(failure).Message, StringComparison.Ordinal);
    }
}
