using JobSheetQA.Bot.Channels.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>Start-up checks of the bot's identity and the Teams settings; each failure names the key.</summary>
public sealed class OptionsValidationTests
{
    private static IEnumerable<string> Failures(BotCredentialsOptions options, string environment = "Production")
    {
        var host = Substitute.For<IHostEnvironment>();
        host.EnvironmentName.Returns(environment);
        return new BotCredentialsOptionsValidator(host).Validate(null, options).Failures ?? [];
    }

    private static IEnumerable<string> Failures(TeamsOptions options, string environment = "Development", string? appId = AppId)
    {
        var host = Substitute.For<IHostEnvironment>();
        host.EnvironmentName.Returns(environment);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId }).Build();
        if (options.AllowedChannels.Length == 0)
            options.AllowedChannels = [.. TeamsOptions.DefaultAllowedChannels];
        return new TeamsOptionsValidator(host, configuration).Validate(null, options).Failures ?? [];
    }

    private const string AppId = "2b2c2f5e-1c1d-4e0a-9d3e-5a6b7c8d9e0f";

    [Fact]
    public void A_multi_tenant_bot_with_id_and_secret_is_valid() =>
        Assert.Empty(Failures(new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" }));

    [Fact]
    public void No_app_id_is_fine_in_Development_only()
    {
        Assert.Empty(Failures(new BotCredentialsOptions(), "Development"));
        Assert.Contains(Failures(new BotCredentialsOptions()), f => f.StartsWith("MicrosoftAppId is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(BotAppType.SingleTenant)]
    [InlineData(BotAppType.UserAssignedMSI)]
    public void Single_tenant_and_managed_identity_need_the_tenant(BotAppType type) =>
        Assert.Contains(Failures(new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "s", MicrosoftAppType = type }),
            f => f.StartsWith("MicrosoftAppTenantId is required", StringComparison.Ordinal));

    [Fact]
    public void A_managed_identity_needs_no_secret() =>
        Assert.Empty(Failures(new BotCredentialsOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppType = BotAppType.UserAssignedMSI,
            MicrosoftAppTenantId = Guid.NewGuid().ToString(),
        }));

    [Fact]
    public void A_client_secret_app_needs_its_secret() =>
        Assert.Contains(Failures(new BotCredentialsOptions { MicrosoftAppId = AppId }), f => f.StartsWith("MicrosoftAppPassword (the client secret) is required", StringComparison.Ordinal));

    [Fact]
    public void The_app_id_must_be_a_GUID() =>
        Assert.Contains(Failures(new BotCredentialsOptions { MicrosoftAppId = "my-bot", MicrosoftAppPassword = "s" }), f => f.StartsWith("MicrosoftAppId must be", StringComparison.Ordinal));

    [Fact]
    public void The_defaults_are_valid() =>
        Assert.Empty(Failures(new TeamsOptions { AllowedServiceUrlHosts = ["botframework.com"] }));

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", "Teams:BotFrameworkOpenIdMetadataUrl must use https")]
    [InlineData("not a url", "Teams:BotFrameworkOpenIdMetadataUrl must be an absolute https URL")]
    public void Metadata_must_come_over_https_except_from_loopback(string url, string failure)
    {
        Assert.Contains(Failures(new TeamsOptions { BotFrameworkOpenIdMetadataUrl = url }), f => f.StartsWith(failure, StringComparison.Ordinal));
        Assert.Empty(Failures(new TeamsOptions { BotFrameworkOpenIdMetadataUrl = "http://127.0.0.1:5000/keys" }));
    }

    [Fact]
    public void Allowed_hosts_are_host_names() =>
        Assert.Contains(Failures(new TeamsOptions { AllowedServiceUrlHosts = ["https://smba.trafficmanager.net/"] }),
            f => f.StartsWith("Teams:AllowedServiceUrlHosts:0", StringComparison.Ordinal));

    [Fact]
    public void Limits_are_bounded()
    {
        var failures = Failures(new TeamsOptions { MaxRequestBytes = 10, MaxAttempts = 0, MaxRetryAfter = TimeSpan.FromHours(1) }).ToList();
        Assert.Contains(failures, f => f.StartsWith("Teams:MaxRequestBytes", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Teams:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Teams:MaxRetryAfter", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_an_app_id_needs_allowed_tenants(string environment)
    {
        Assert.Contains(Failures(new TeamsOptions(), environment), f => f.StartsWith("Teams:AllowedTenants must list the Entra tenant ids", StringComparison.Ordinal));
        Assert.Empty(Failures(new TeamsOptions { AllowedTenants = [Guid.NewGuid().ToString()] }, environment));
    }

    [Fact]
    public void Development_and_an_anonymous_bot_need_no_allowed_tenants()
    {
        Assert.Empty(Failures(new TeamsOptions(), "Development"));
        Assert.Empty(Failures(new TeamsOptions(), "Production", appId: null));
    }

    [Fact]
    public void Allowed_tenants_are_GUIDs_and_allowed_channels_are_ids() =>
        Assert.Equal(
            ["Teams:AllowedChannels:1 (' msteams') must be a Bot Framework channel id such as msteams.",
             "Teams:AllowedTenants:0 must be an Entra tenant id, a GUID (got 'contoso.onmicrosoft.com')."],
            Failures(new TeamsOptions { AllowedChannels = ["msteams", " msteams"], AllowedTenants = ["contoso.onmicrosoft.com"] }));

    [Fact]
    public void Agent_tokens_need_Entra_tokens() =>
        Assert.Contains(Failures(new TeamsOptions { AcceptAgentTokens = true, AcceptEntraTokens = false }),
            f => f.StartsWith("Teams:AcceptAgentTokens is true but Teams:AcceptEntraTokens is false", StringComparison.Ordinal));

    [Fact]
    public void Teams_is_the_only_channel_and_agent_tokens_are_off_by_default()
    {
        Assert.Equal(["msteams"], TeamsOptions.DefaultAllowedChannels);
        Assert.False(new TeamsOptions().AcceptAgentTokens);
        Assert.Null(new TeamsOptions().AllowedTenants);
    }
}
