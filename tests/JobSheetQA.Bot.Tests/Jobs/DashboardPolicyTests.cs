using System.Net;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>With <c>Jobs:DashboardPolicy</c> the named authorization policy decides, wherever the request comes from.</summary>
public sealed class DashboardPolicyTests(DashboardPolicyTests.PolicyHost fixture) : IClassFixture<DashboardPolicyTests.PolicyHost>
{
    private const string Policy = "jobs-dashboard";
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task A_user_the_policy_admits_reaches_the_dashboard_from_another_machine()
    {
        var (status, body) = await fixture.Host.Server.GetDashboardAsync(Remote, (HeaderAuthenticationHandler.HeaderName, "alice;release-engineer"));

        Assert.Equal(200, status);
        Assert.Contains("JobSheetQA.Bot jobs", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_the_policy_refuses_is_forbidden()
    {
        var (status, _) = await fixture.Host.Server.GetDashboardAsync(Remote, (HeaderAuthenticationHandler.HeaderName, "mallory"));

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task An_anonymous_request_is_challenged_even_from_loopback()
    {
        var (status, _) = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback);

        Assert.Equal(401, status);
    }

    [Fact]
    public void The_host_refuses_to_start_when_the_policy_is_not_registered()
    {
        var failure = Assert.ThrowsAny<Exception>(() => JobsTestHost.Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Jobs:DashboardPolicy"] = "no-such-policy",
        }));

        var invalid = ExceptionChain.Find<OptionsValidationException>(failure);
        Assert.Contains("Jobs:DashboardPolicy names 'no-such-policy'", invalid.Message, StringComparison.Ordinal);
    }

    public sealed class PolicyHost : IAsyncLifetime
    {
        private JobsTestHost? host;

        public JobsTestHost Host => host ?? throw new InvalidOperationException("The host has not started.");

        public Task InitializeAsync()
        {
            host = JobsTestHost.Start(
                new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Jobs:DashboardPolicy"] = Policy },
                services =>
                {
                    services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
                        .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthenticationHandler>(
                            HeaderAuthenticationHandler.SchemeName, _ => { });
                    services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireRole("release-engineer"));
                });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            if (host is not null)
                await host.DisposeAsync();
        }
    }
}
