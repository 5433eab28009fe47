using JobSheetQA.Bot.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class GitHubOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(GitHubOptions options) =>
        new GitHubOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_are_the_sandbox_and_are_valid()
    {
        var options = new GitHubOptions();

        Assert.Equal(GitHubMode.Sandbox, options.Mode);
        Assert.Equal("https://api.github.com/", options.BaseUrl);
        Assert.Equal("promotion.yml", options.Workflow);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void GitHub_mode_names_the_missing_owner_repository_and_credentials()
    {
        var failures = Failures(new GitHubOptions { Mode = GitHubMode.GitHub });

        Assert.Contains(failures, f => f.Contains("GitHub:Owner", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("GitHub:Repository", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("GitHub:Token", StringComparison.Ordinal) && f.Contains("GitHub:App:AppId", StringComparison.Ordinal));
    }

    [Fact]
    public void GitHub_mode_rejects_two_authentication_methods()
    {
        var failures = Failures(new GitHubOptions
        {
            Mode = GitHubMode.GitHub,
            Owner = "o",
            Repository = "r",
            Token = "t",
            App = new GitHubAppOptions { AppId = "1", PrivateKey = TestKeys.PrivateKeyPem, InstallationId = 2 },
        });

        Assert.Contains(failures, f => f.Contains("exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public void An_app_key_that_is_not_pem_is_named()
    {
        var failures = Failures(new GitHubOptions
        {
            Mode = GitHubMode.GitHub,
            Owner = "o",
            Repository = "r",
            App = new GitHubAppOptions { AppId = "1", PrivateKey = "not a key" },
        });

        Assert.Contains(failures, f => f.Contains("GitHub:App:PrivateKey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_token_or_a_complete_app_is_accepted_in_GitHub_mode()
    {
        Assert.Empty(Failures(new GitHubOptions { Mode = GitHubMode.GitHub, Owner = "o", Repository = "r", Token = "t" }));
        Assert.Empty(Failures(new GitHubOptions
        {
            Mode = GitHubMode.GitHub,
            Owner = "o",
            Repository = "r",
            App = new GitHubAppOptions { AppId = "1", PrivateKey = TestKeys.PrivateKeyPem.Replace("\n", "\\n", StringComparison.Ordinal) },
        }));
    }

    [Fact]
    public void Start_up_validation_reads_the_GitHub_section_with_double_underscore_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:Mode"] = "GitHub",
            ["GitHub:Owner"] = "contoso",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddGitHubGateway(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitHubOptions>>().Value);
        Assert.Contains("GitHub:Repository", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_root_adds_api_v3_for_enterprise_hosts_only()
    {
        Assert.Equal("https://api.github.com/", GitHubTarget.ApiRootFor("https://api.github.com").ToString());
        Assert.Equal("https://ghe.example.com/api/v3/", GitHubTarget.ApiRootFor("https://ghe.example.com/").ToString());
        Assert.Equal("https://ghe.example.com/api/v3/", GitHubTarget.ApiRootFor("https://ghe.example.com/api/v3").ToString());
    }
}
