using System.Net;
using Hangfire;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Tests.Jobs.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>By default (<c>Jobs:Dashboard:Enabled</c> false) there is no dashboard at all; the job server runs regardless.</summary>
public sealed class DashboardOffTests(DashboardOffTests.DefaultHost fixture) : IClassFixture<DashboardOffTests.DefaultHost>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("203.0.113.7")]
    public async Task The_dashboard_does_not_exist(string remote)
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Parse(remote));

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task The_dashboard_does_not_exist_whatever_credentials_come_with_the_request()
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, DashboardRequests.Basic("ops", DashboardTests.Password));

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task The_dashboards_sign_in_is_not_registered()
    {
        var schemes = fixture.Host.Services.GetService<IAuthenticationSchemeProvider>();

        Assert.True(schemes is null || await schemes.GetSchemeAsync(DashboardBasicAuthenticationHandler.SchemeName) is null);
    }

    [Fact]
    public async Task The_job_server_runs_without_the_dashboard()
    {
        fixture.Host.Get<IBackgroundJobClient>().Enqueue<RecordingJob>(job => job.Run("dashboard-off"));

        await fixture.Host.Get<JobRunLog>().WaitForAsync("dashboard-off", TimeSpan.FromSeconds(20));
    }

    public sealed class DefaultHost : JobsHostFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();
    }
}
