using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>Issue #14, the whole bot in Production: no silent simulator and no token over plain http; each problem is a
/// line of the one start-up message, starting with its key.</summary>
public sealed class GitHubStartupSettingsTests
{
    private static readonly Dictionary<string, string?> Identity = new()
    {
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
        ["MicrosoftAppPassword"] = "secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["Teams:AllowedTenants:0"] = "00000000-0000-0000-0000-0000000000aa",
    };

    [Fact]
    public void Production_without_GitHub_Mode_does_not_start_and_names_the_key()
    {
        var problems = StartExpectingInvalidSettings(new());

        var problem = Assert.Single(problems);
        Assert.StartsWith("GitHub:Mode is not set", problem, StringComparison.Ordinal);
        Assert.Contains("'Production'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_a_plain_http_GitHub_address_that_is_not_loopback()
    {
        var problems = StartExpectingInvalidSettings(new()
        {
            ["GitHub:Mode"] = "GitHub",
            ["GitHub:BaseUrl"] = "http://github.example.com/",
            ["GitHub:Owner"] = "contoso",
            ["GitHub:Repository"] = "app",
            ["GitHub:Token"] = "github_pat_test",
        });

        Assert.StartsWith("GitHub:BaseUrl must use https", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> StartExpectingInvalidSettings(Dictionary<string, string?> settings)
    {
        using var factory = new WebApplicationFactory<PolicyOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DataDirectory", Path.Combine(Path.GetTempPath(), $"jobsheetqa-github-settings-{Guid.NewGuid():N}"));
            foreach (var (key, value) in Identity.Concat(settings))
                builder.UseSetting(key, value);
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return ExceptionChain.Find<InvalidSettingsException>(failure).Problems.Select(p => p.Description).ToList();
    }
}
