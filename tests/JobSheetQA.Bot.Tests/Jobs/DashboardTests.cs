using System.Net;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Tests.Jobs.Support;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>Without <c>Jobs:DashboardPolicy</c> the dashboard answers only the machine itself.</summary>
public sealed class DashboardTests(DashboardTests.SqliteHost fixture) : IClassFixture<DashboardTests.SqliteHost>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task The_dashboard_answers_a_request_from_loopback(string remote)
    {
        var (status, body) = await fixture.Host.Server.GetDashboardAsync(IPAddress.Parse(remote));

        Assert.Equal(200, status);
        Assert.Contains("JobSheetQA.Bot jobs", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.0.0.5")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:198.51.100.4")]
    public async Task The_dashboard_refuses_a_request_from_another_machine(string remote)
    {
        var (status, _) = await fixture.Host.Server.GetDashboardAsync(IPAddress.Parse(remote));

        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task The_dashboard_refuses_a_loopback_request_that_a_local_proxy_forwarded(string header, string value)
    {
        var (status, _) = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, (header, value));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task The_dashboard_refuses_a_request_with_no_remote_address()
    {
        var (status, _) = await fixture.Host.Server.GetDashboardAsync(remoteAddress: null);

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task The_dashboard_does_not_show_where_the_job_storage_lives()
    {
        var (_, body) = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback);

        Assert.DoesNotContain(JobsServiceCollectionExtensions.SqliteFileName, body, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Host.ContentRoot, body, StringComparison.Ordinal);
    }

    public sealed class SqliteHost : IAsyncLifetime
    {
        private JobsTestHost? host;

        public JobsTestHost Host => host ?? throw new InvalidOperationException("The host has not started.");

        public Task InitializeAsync()
        {
            host = JobsTestHost.Start(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            if (host is not null)
                await host.DisposeAsync();
        }
    }
}
