using JobSheetQA.Bot.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class GitHubOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(GitHubOptions options) =>
        new GitHubOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    /// <summary>The options as the host builds them: bound, defaulted for the environment, validated.</summary>
    private static GitHubOptions Bound(string environment, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddGitHubGateway(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<GitHubOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_the_sandbox_in_Development_and_are_valid()
    {
        var options = Bound(Environments.Development);

        Assert.Equal(GitHubMode.Sandbox, options.Mode);
        Assert.Equal("https://api.github.com/", options.BaseUrl);
        Assert.Equal("promotion.yml", options.Workflow);
        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_an_unset_mode_is_named_with_what_to_set(string environment)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bound(environment));

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith("GitHub:Mode is not set", failure, StringComparison.Ordinal);
        Assert.Contains($"'{environment}'", failure, StringComparison.Ordinal);
        Assert.Contains("GitHub:Mode=GitHub", failure, StringComparison.Ordinal);
        Assert.Contains("GitHub:Mode=Sandbox", failure, StringComparison.Ordinal);
        Assert.Contains("GitHub__Mode", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_an_explicit_mode_is_accepted()
    {
        Assert.Equal(GitHubMode.Sandbox, Bound("Production", new() { ["GitHub:Mode"] = "Sandbox" }).Mode);
        Assert.Equal(GitHubMode.GitHub, Bound("Production", new()
        {
            ["GitHub:Mode"] = "GitHub",
            ["GitHub:Owner"] = "contoso",
            ["GitHub:Repository"] = "app",
            ["GitHub:Token"] = "t",
        }).Mode);
    }

    [Theory]
    [InlineData("http://ghe.example.com/")]
    [InlineData("http://api.github.com/")]
    [InlineData("http://10.0.0.7:8080/api/v3/")]
    [InlineData("http://localhost.example.com/")]
    public void A_plain_http_base_url_is_refused_unless_the_host_is_loopback(string baseUrl)
    {
        var failure = Assert.Single(Failures(new GitHubOptions { Mode = GitHubMode.GitHub, Owner = "o", Repository = "r", Token = "t", BaseUrl = baseUrl }));

        Assert.StartsWith("GitHub:BaseUrl must use https", failure, StringComparison.Ordinal);
        Assert.Contains(baseUrl, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://ghe.example.com/")]
    [InlineData("http://127.0.0.1:3979/")]
    [InlineData("http://localhost:3979/")]
    [InlineData("http://[::1]:3979/")]
    public void Https_and_loopback_http_base_urls_are_accepted(string baseUrl) =>
        Assert.Empty(Failures(new GitHubOptions { Mode = GitHubMode.GitHub, Owner = "o", Repository = "r", Token = "t", BaseUrl = baseUrl }));

    [Theory]
    [InlineData("ftp://ghe.example.com/")]
    [InlineData("ghe.example.com")]
    public void A_base_url_that_is_not_https_at_all_is_named(string baseUrl) =>
        Assert.StartsWith("GitHub:BaseUrl must be an absolute https URL",
            Assert.Single(Failures(new GitHubOptions { Mode = GitHubMode.GitHub, Owner = "o", Repository = "r", Token = "t", BaseUrl = baseUrl })),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("GitHub:Owner", "../admin", null, null)]
    [InlineData("GitHub:Owner", "..", null, null)]
    [InlineData("GitHub:Repository", null, "app/../../etc", null)]
    [InlineData("GitHub:Repository", null, "app?x=1", null)]
    [InlineData("GitHub:Workflow", null, null, "../../x/dispatches")]
    [InlineData("GitHub:Workflow", null, null, "..")]
    public void Names_that_go_into_every_path_must_be_names(string key, string? owner, string? repository, string? workflow)
    {
        var failure = Assert.Single(Failures(new GitHubOptions
        {
            Mode = GitHubMode.GitHub,
            Owner = owner ?? "contoso",
            Repository = repository ?? "app",
            Workflow = workflow ?? "promotion.yml",
            Token = "t",
        }));

        Assert.StartsWith(key, failure, StringComparison.Ordinal);
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
