using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Jobs;

public sealed class JobsOptionsTests
{
    [Fact]
    public void With_no_settings_the_server_is_small_polls_every_second_and_the_dashboard_is_off()
    {
        using var services = Build([]);

        var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var tracking = services.GetRequiredService<IOptions<TrackingOptions>>().Value;

        Assert.Equal(2, jobs.WorkerCount);
        Assert.Equal([JobsOptions.DefaultQueue], jobs.Queues);
        Assert.Equal(TimeSpan.FromSeconds(1), jobs.PollInterval);
        Assert.False(jobs.Dashboard.Enabled);
        Assert.Null(jobs.Dashboard.User);
        Assert.Null(jobs.Dashboard.Password);
        Assert.Equal(TimeSpan.FromSeconds(10), tracking.PollInterval);
    }

    [Fact]
    public void Configured_queues_replace_the_default_list_in_their_order()
    {
        using var services = Build(new()
        {
            ["Jobs:Queues:0"] = "tracking",
            ["Jobs:Queues:1"] = "default",
            ["Jobs:WorkerCount"] = "4",
            ["Jobs:PollInterval"] = "00:00:00.500",
            ["Tracking:PollInterval"] = "00:00:30",
        });

        var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;

        Assert.Equal(["tracking", "default"], jobs.Queues);
        Assert.Equal(4, jobs.WorkerCount);
        Assert.Equal(TimeSpan.FromMilliseconds(500), jobs.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), services.GetRequiredService<IOptions<TrackingOptions>>().Value.PollInterval);
    }

    [Theory]
    [InlineData("Jobs:WorkerCount", "0", "Jobs:WorkerCount must be between 1 and 64 (got 0).")]
    [InlineData("Jobs:WorkerCount", "65", "Jobs:WorkerCount must be between 1 and 64 (got 65).")]
    [InlineData("Jobs:Queues:0", "Tracking", "Jobs:Queues:0 ('Tracking') must use only lowercase letters, digits, '_' and '-'.")]
    [InlineData("Jobs:Queues:0", "track ing", "Jobs:Queues:0 ('track ing') must use only lowercase letters")]
    [InlineData("Jobs:Queues:0", "tracking", "Jobs:Queues must include 'default'")]
    [InlineData("Jobs:PollInterval", "00:00:00", "Jobs:PollInterval must be between 00:00:00.1000000 and 00:01:00 (got 00:00:00).")]
    [InlineData("Jobs:PollInterval", "00:15:00", "Jobs:PollInterval must be between")]
    public void An_invalid_jobs_setting_is_refused_naming_its_key(string key, string value, string message)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JobsOptions>>().Value);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_listed_twice_is_refused()
    {
        using var services = Build(new() { ["Jobs:Queues:0"] = "default", ["Jobs:Queues:1"] = "default" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JobsOptions>>().Value);

        Assert.Equal(["Jobs:Queues lists 'default' more than once."], failure.Failures);
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:11:00")]
    public void A_tracking_poll_interval_outside_one_second_to_ten_minutes_is_refused(string value)
    {
        using var services = Build(new() { ["Tracking:PollInterval"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TrackingOptions>>().Value);

        Assert.StartsWith("Tracking:PollInterval must be between 00:00:01 and 00:10:00", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tracking:MaxBackoff", "00:00:00", "Tracking:MaxBackoff must be positive and at most 01:00:00 (got 00:00:00).")]
    [InlineData("Tracking:MaxBackoff", "02:00:00", "Tracking:MaxBackoff must be positive and at most 01:00:00 (got 02:00:00).")]
    [InlineData("Tracking:QueuedNoticeAfter", "-00:01:00", "Tracking:QueuedNoticeAfter must be positive (got -00:01:00).")]
    [InlineData("Tracking:RunNotFoundAfter", "00:00:00", "Tracking:RunNotFoundAfter must be positive (got 00:00:00).")]
    [InlineData("Tracking:RunGoneAfter", "00:00:00", "Tracking:RunGoneAfter must be positive and at most 1.00:00:00 (got 00:00:00).")]
    [InlineData("Tracking:RunGoneAfter", "2.00:00:00", "Tracking:RunGoneAfter must be positive and at most 1.00:00:00 (got 2.00:00:00).")]
    public void Tracking_waits_that_make_no_sense_are_refused_naming_the_key(string key, string value, string message)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TrackingOptions>>().Value);

        Assert.Equal([message], failure.Failures);
    }

    [Theory]
    [InlineData(null, "Jobs:Dashboard:Password is required when Jobs:Dashboard:Enabled is true")]
    [InlineData("   ", "Jobs:Dashboard:Password is required when Jobs:Dashboard:Enabled is true")]
    [InlineData("fifteen-chars-x", "Jobs:Dashboard:Password must be at least 16 characters long")]
    public void An_enabled_dashboard_without_a_long_enough_password_is_refused(string? password, string message)
    {
        using var services = Build(new() { ["Jobs:Dashboard:Enabled"] = "true", ["Jobs:Dashboard:Password"] = password });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JobsOptions>>().Value);

        var only = Assert.Single(failure.Failures);
        Assert.StartsWith(message, only, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(password))
            Assert.DoesNotContain(password, only, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_user_name_with_a_colon_is_refused()
    {
        using var services = Build(new()
        {
            ["Jobs:Dashboard:Enabled"] = "true",
            ["Jobs:Dashboard:User"] = "ops:admin",
            ["Jobs:Dashboard:Password"] = "a-long-enough-password",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JobsOptions>>().Value);

        Assert.Equal(["Jobs:Dashboard:User must not contain ':' (HTTP Basic cannot carry it)."], failure.Failures);
    }

    [Fact]
    public void The_dashboard_settings_are_only_checked_when_it_is_enabled()
    {
        using var services = Build(new() { ["Jobs:Dashboard:Password"] = "short", ["Jobs:Dashboard:User"] = "a:b" });

        Assert.False(services.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard.Enabled);
    }

    [Fact]
    public void An_enabled_dashboard_with_a_user_and_a_long_password_is_accepted()
    {
        using var services = Build(new()
        {
            ["Jobs:Dashboard:Enabled"] = "true",
            ["Jobs:Dashboard:User"] = "ops",
            ["Jobs:Dashboard:Password"] = "sixteen-chars-xx",
        });

        var dashboard = services.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard;

        Assert.True(dashboard.Enabled);
        Assert.Equal("ops", dashboard.User);
        Assert.Equal("sixteen-chars-xx", dashboard.Password);
    }

    [Theory]
    [InlineData("Jobs:WorkerCount", "0")]
    [InlineData("Tracking:PollInterval", "00:00:00")]
    public void The_bot_refuses_to_start_with_an_invalid_setting_and_names_it(string key, string value)
    {
        var failure = Assert.ThrowsAny<Exception>(() => JobsTestHost.Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            [key] = value,
        }));

        Assert.Contains(key, ExceptionChain.Find<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = Substitute.For<IHostEnvironment>();
        environment.ContentRootPath.Returns(Path.GetTempPath());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJobs(configuration, environment);
        return services.BuildServiceProvider();
    }
}
