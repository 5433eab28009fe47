using System.Net;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>The <c>Slack</c> settings: off by default (no account needed), and checked at start-up with messages that name the key.</summary>
public sealed class SlackOptionsTests
{
    private static readonly IHostEnvironment Development = Environment("Development");

    private static IHostEnvironment Environment(string name)
    {
        var environment = Substitute.For<IHostEnvironment>();
        environment.EnvironmentName.Returns(name);
        return environment;
    }

    [Fact]
    public async Task Slack_is_off_by_default_and_its_endpoints_do_not_exist()
    {
        await using var bot = ChatTestHost.Start();

        var response = await bot.CreateClient().PostAsync("/api/slack/events", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(bot.Get<IOptions<SlackOptions>>().Value.Enabled);
    }

    [Fact]
    public void Enabling_slack_without_a_signing_secret_fails_start_up_naming_the_key()
    {
        var failure = Assert.ThrowsAny<Exception>(() => ChatTestHost.Start(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:BotToken"] = "xoxb-1",
        }));

        Assert.Contains("Slack:SigningSecret is required", ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack:BotToken", "", "Slack:BotToken is required")]
    [InlineData("Slack:BotToken", "xoxp-user-token", "Slack:BotToken must be a bot token")]
    [InlineData("Slack:AppToken", "xoxb-not-an-app-token", "Slack:AppToken must be an app-level token")]
    [InlineData("Slack:ApiBaseUrl", "https://slack.test/api", "Slack:ApiBaseUrl must end with '/'")]
    [InlineData("Slack:ApiBaseUrl", "http://slack.com/api/", "Slack:ApiBaseUrl must use https")]
    [InlineData("Slack:ApiBaseUrl", "http://10.0.0.7:8080/api/", "Slack:ApiBaseUrl must use https")]
    [InlineData("Slack:ApiBaseUrl", "ftp://slack.com/api/", "Slack:ApiBaseUrl must be an absolute https URL")]
    [InlineData("Slack:CommandResponseType", "public", "Slack:CommandResponseType must be 'ephemeral' or 'in_channel'")]
    [InlineData("Slack:QueueCapacity", "0", "Slack:QueueCapacity must be between 1 and 100000")]
    [InlineData("Slack:MaxAttempts", "11", "Slack:MaxAttempts must be between 1 and 10")]
    public void Each_bad_setting_is_named(string key, string value, string message)
    {
        var options = new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-1",
            [key] = value,
        };
        var settings = new SlackOptions();
        new ConfigurationBuilder().AddInMemoryCollection(options).Build().GetSection("Slack").Bind(settings);

        var result = new SlackOptionsValidator(Development).Validate(null, settings);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/api/")]
    [InlineData("http://[::1]:5000/api/")]
    [InlineData("http://localhost:5000/api/")]
    [InlineData("https://slack.com/api/")]
    public void The_api_is_reached_over_https_or_plain_http_on_loopback_only(string url)
    {
        var settings = new SlackOptions { Enabled = true, SigningSecret = "secret", BotToken = "xoxb-1", ApiBaseUrl = new Uri(url), AllowedTeams = ["T0TEAM01"] };

        Assert.True(new SlackOptionsValidator(Development).Validate(null, settings).Succeeded);
    }

    [Fact]
    public void A_plain_http_api_off_this_machine_fails_start_up_naming_the_key()
    {
        var failure = Assert.ThrowsAny<Exception>(() => ChatTestHost.Start(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:ApiBaseUrl"] = "http://slack.example/api/",
        }));

        Assert.Contains("Slack:ApiBaseUrl must use https", ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_the_allowed_workspaces_are_required(string environment)
    {
        var settings = new SlackOptions { Enabled = true, SigningSecret = "secret", BotToken = "xoxb-1" };

        var result = new SlackOptionsValidator(Environment(environment)).Validate(null, settings);

        Assert.Contains($"Slack:AllowedTeams must list the workspace ids (T…) or Enterprise Grid ids (E…) the bot serves while Slack:Enabled is true (this is '{environment}'",
            result.FailureMessage, StringComparison.Ordinal);
        settings.AllowedTeams = ["T0TEAM01", "E0GRID01"];
        Assert.True(new SlackOptionsValidator(Environment(environment)).Validate(null, settings).Succeeded);
        settings.AllowedTeams = null;
        Assert.True(new SlackOptionsValidator(Development).Validate(null, settings).Succeeded);
    }

    [Theory]
    [InlineData("jobsheetqa")]
    [InlineData("U0DANA")]
    [InlineData("t0team01")]
    [InlineData(" T0TEAM01")]
    public void Allowed_teams_are_team_or_enterprise_ids(string entry)
    {
        var settings = new SlackOptions { Enabled = true, SigningSecret = "secret", BotToken = "xoxb-1", AllowedTeams = ["T0TEAM01", entry] };

        var result = new SlackOptionsValidator(Development).Validate(null, settings);

        Assert.Contains($"Slack:AllowedTeams:1 must be a team id (T…) or an enterprise id (E…) (got '{entry}').", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void External_users_are_refused_by_default() => Assert.False(new SlackOptions().AllowExternalUsers);

    [Fact]
    public void Nothing_is_checked_while_slack_is_off() =>
        Assert.True(new SlackOptionsValidator(Environment("Production")).Validate(null, new SlackOptions { QueueCapacity = 0, CommandResponseType = "x" }).Succeeded);
}
