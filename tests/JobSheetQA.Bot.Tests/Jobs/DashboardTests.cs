using System.Net;
using Hangfire;
using Hangfire.States;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>
/// With <c>Jobs:Dashboard:Enabled</c> every request needs <c>Jobs:Dashboard:Password</c> (HTTP Basic), wherever it comes
/// from: a reverse proxy on the same machine connects from loopback on everyone's behalf. POSTs also need the page's
/// antiforgery token.
/// </summary>
public sealed class DashboardTests(DashboardTests.EnabledHost fixture) : IClassFixture<DashboardTests.EnabledHost>
{
    internal const string Password = "correct-horse-battery-staple";

    private static readonly IPAddress Elsewhere = IPAddress.Parse("203.0.113.7");

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("203.0.113.7")]
    public async Task A_request_without_credentials_is_challenged_even_from_loopback(string remote)
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Parse(remote));

        Assert.Equal(401, response.Status);
        Assert.StartsWith("Basic realm=", response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("JobSheetQA.Bot jobs</", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task A_request_a_proxy_on_the_same_machine_forwarded_without_credentials_is_challenged(string header, string value)
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, (header, value));

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task A_request_with_no_remote_address_and_no_credentials_is_challenged()
    {
        var response = await fixture.Host.Server.GetDashboardAsync(remoteAddress: null);

        Assert.Equal(401, response.Status);
    }

    [Theory]
    [InlineData("ops", "correct-horse-battery-stapl")]
    [InlineData("ops", "correct-horse-battery-staple ")]
    [InlineData("ops", "CORRECT-HORSE-BATTERY-STAPLE")]
    [InlineData("ops", "")]
    [InlineData("correct-horse-battery-staple", "")]
    public async Task A_wrong_password_is_refused_even_from_loopback(string user, string password)
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, DashboardRequests.Basic(user, password));

        Assert.Equal(401, response.Status);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!not-base64!!")]
    [InlineData("Basic Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZQ==")] // the password without "user:"
    [InlineData("Bearer correct-horse-battery-staple")]
    [InlineData("correct-horse-battery-staple")]
    public async Task Malformed_or_other_credentials_are_refused(string authorization)
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, (HeaderNames.Authorization, authorization));

        Assert.Equal(401, response.Status);
    }

    [Theory]
    [InlineData("ops", "127.0.0.1")]
    [InlineData("", "127.0.0.1")]
    [InlineData("anyone", "203.0.113.7")]
    [InlineData("anyone", "2001:db8::1")]
    public async Task The_right_password_opens_the_dashboard_with_any_user_name_from_anywhere(string user, string remote)
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Parse(remote), DashboardRequests.Basic(user, Password));

        Assert.Equal(200, response.Status);
        Assert.Contains("JobSheetQA.Bot jobs", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_does_not_show_where_the_job_storage_lives()
    {
        var response = await fixture.Host.Server.GetDashboardAsync(IPAddress.Loopback, DashboardRequests.Basic("ops", Password));

        Assert.Equal(200, response.Status);
        Assert.DoesNotContain(JobsServiceCollectionExtensions.SqliteFileName, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Host.ContentRoot, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var jobId = ScheduleForLater();

        var response = await fixture.Host.Server.PostDashboardAsync(
            "/jobs/scheduled/delete", Elsewhere, [new("jobs[]", jobId)], DashboardRequests.Basic("ops", Password));

        Assert.Equal(403, response.Status);
        Assert.Equal(ScheduledState.StateName, StateOf(jobId));
    }

    [Fact]
    public async Task A_signed_in_post_with_the_antiforgery_cookie_but_not_the_token_is_refused()
    {
        var jobId = ScheduleForLater();
        var credentials = DashboardRequests.Basic("ops", Password);
        var page = await fixture.Host.Server.GetDashboardAsync(Elsewhere, credentials);
        var antiforgery = page.Antiforgery();

        var response = await fixture.Host.Server.PostDashboardAsync(
            "/jobs/scheduled/delete", Elsewhere, [new("jobs[]", jobId)], credentials, (HeaderNames.Cookie, antiforgery.Cookie));

        Assert.Equal(403, response.Status);
        Assert.Equal(ScheduledState.StateName, StateOf(jobId));
    }

    [Fact]
    public async Task A_signed_in_post_with_the_pages_antiforgery_token_goes_through()
    {
        var jobId = ScheduleForLater();
        var credentials = DashboardRequests.Basic("ops", Password);
        var page = await fixture.Host.Server.GetDashboardAsync(Elsewhere, credentials);
        var antiforgery = page.Antiforgery();

        var response = await fixture.Host.Server.PostDashboardAsync(
            "/jobs/scheduled/delete", Elsewhere, [new("jobs[]", jobId)],
            credentials, (HeaderNames.Cookie, antiforgery.Cookie), (antiforgery.HeaderName, antiforgery.Token));

        Assert.Equal(204, response.Status);
        Assert.Equal(DeletedState.StateName, StateOf(jobId));
    }

    [Fact]
    public async Task A_post_with_a_valid_antiforgery_token_but_no_credentials_is_challenged()
    {
        var jobId = ScheduleForLater();
        var page = await fixture.Host.Server.GetDashboardAsync(Elsewhere, DashboardRequests.Basic("ops", Password));
        var antiforgery = page.Antiforgery();

        var response = await fixture.Host.Server.PostDashboardAsync(
            "/jobs/scheduled/delete", Elsewhere, [new("jobs[]", jobId)], (HeaderNames.Cookie, antiforgery.Cookie), (antiforgery.HeaderName, antiforgery.Token));

        Assert.Equal(401, response.Status);
        Assert.Equal(ScheduledState.StateName, StateOf(jobId));
    }

    [Fact]
    public void The_host_refuses_to_start_with_the_dashboard_enabled_and_no_password()
    {
        var failure = Assert.ThrowsAny<Exception>(() => JobsTestHost.Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Jobs:Dashboard:Enabled"] = "true",
        }));

        var invalid = ExceptionChain.Find<OptionsValidationException>(failure);
        Assert.Contains("Jobs:Dashboard:Password is required when Jobs:Dashboard:Enabled is true", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_refuses_to_start_with_a_dashboard_password_under_16_characters_and_does_not_repeat_it()
    {
        const string tooShort = "only-15-chars-x";

        var failure = Assert.ThrowsAny<Exception>(() => JobsTestHost.Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Jobs:Dashboard:Enabled"] = "true",
            ["Jobs:Dashboard:Password"] = tooShort,
        }));

        var invalid = ExceptionChain.Find<OptionsValidationException>(failure);
        Assert.Contains("Jobs:Dashboard:Password must be at least 16 characters long", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tooShort, failure.ToString(), StringComparison.Ordinal);
    }

    private string ScheduleForLater() =>
        fixture.Host.Get<IBackgroundJobClient>().Schedule<RecordingJob>(job => job.Run("dashboard"), TimeSpan.FromHours(1));

    private string? StateOf(string jobId)
    {
        using var connection = fixture.Host.Get<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    public sealed class EnabledHost : JobsHostFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Jobs:Dashboard:Enabled"] = "true",
            ["Jobs:Dashboard:Password"] = Password,
        };
    }
}
