using System.Net;
using System.Net.Sockets;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Hosting;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

public sealed class SandboxHostTests
{
    [Fact]
    public async Task Two_sandboxes_get_their_own_free_ports_and_state()
    {
        await using var first = await SandboxHost.StartAsync(new SandboxOptions());
        await using var second = await SandboxHost.StartAsync(new SandboxOptions { Owner = "fabrikam", Repo = "other" });

        Assert.Equal("127.0.0.1", first.BaseAddress.Host);
        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
        Assert.Equal(new Uri(first.BaseAddress, "api/v3/"), first.ApiBaseAddress);
        var client = new GitHubClient(new ProductHeaderValue("JobSheetQA-Tests"), second.BaseAddress);
        Assert.Equal("main", (await client.Repository.Branch.Get("fabrikam", "other", "main")).Name);
        first.Control.SetSecret("ONLY_IN_FIRST");
        Assert.DoesNotContain("ONLY_IN_FIRST", second.Control.Repository.Secrets);
    }

    [Fact]
    public async Task Disposing_stops_the_listeners()
    {
        var sandbox = SandboxHost.Start(new SandboxOptions());
        var port = sandbox.BaseAddress.Port;

        sandbox.Dispose();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Real_time_pace_completes_a_run_with_a_short_step_delay()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { StepDelay = TimeSpan.FromMilliseconds(20) });
        var client = new GitHubClient(new ProductHeaderValue("JobSheetQA-Tests"), sandbox.BaseAddress);
        await client.Actions.Workflows.CreateDispatch("contoso", "job-sheet-qa-auditor", "promotion.yml",
            new CreateWorkflowDispatch("main") { Inputs = new Dictionary<string, object> { ["target_environment"] = "staging" } });
        var runId = sandbox.Control.ListRuns()[0].Id;

        WorkflowRun run;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(50);
            run = await client.Actions.Workflows.Runs.Get("contoso", "job-sheet-qa-auditor", runId);
        }
        while (run.Status.StringValue != "completed" && DateTime.UtcNow < deadline);

        Assert.Equal("success", run.Conclusion?.StringValue);
    }

    [Fact]
    public async Task Slow_after_processing_fault_lets_the_dispatch_happen_while_the_caller_times_out()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/dispatches$", Kind = FaultKind.SlowAfterProcessing, DelayMs = 2_000 });
        using var impatient = new HttpClient { BaseAddress = ctx.Sandbox.ApiBaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync(
            $"{ctx.RepoPath}/actions/workflows/promotion.yml/dispatches",
            System.Net.Http.Json.JsonContent.Create(new { @ref = "main", inputs = new { target_environment = "staging" } })));

        Assert.Single(ctx.Sandbox.Control.ListRuns());
    }

    [Fact]
    public async Task Forbidden_fault_is_a_403_that_octokit_reports_as_forbidden()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/actions/secrets$", Kind = FaultKind.Forbidden });

        await Assert.ThrowsAsync<ForbiddenException>(() => ctx.GitHub.Repository.Actions.Secrets.GetAll(SandboxTestContext.Owner, SandboxTestContext.Repo));
    }

    [Theory]
    [InlineData("StepDelay", "Sandbox:StepDelay")]
    [InlineData("Host", "Sandbox:Host")]
    [InlineData("App", "Sandbox:App needs PublicKeyPem")]
    public async Task Invalid_settings_fail_the_start_with_the_setting_named(string broken, string expected)
    {
        var options = new SandboxOptions();
        switch (broken)
        {
            case "StepDelay": options.StepDelay = TimeSpan.Zero; break;
            case "Host": options.Host = "not a host"; break;
            default: options.App = new SandboxAppOptions { AppId = 1 }; break;
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxHost.StartAsync(options));

        Assert.Contains(expected, error.Message);
    }
}
