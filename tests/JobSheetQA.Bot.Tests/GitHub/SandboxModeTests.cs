using System.Net;
using System.Net.Http.Headers;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class SandboxModeTests
{
    [Fact]
    public async Task With_no_settings_the_gateway_runs_against_an_in_process_sandbox_and_says_so()
    {
        var logs = new CapturingLoggerProvider();
        var contentRoot = Directory.CreateTempSubdirectory("jobsheetqa-sandbox-mode-").FullName;
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            // The sandbox keeps its runs in the bot's data folder, under the content root.
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = contentRoot, EnvironmentName = Environments.Development })
            .AddGitHubGateway(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        await using var _ = services;
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            var head = await services.GetRequiredService<IRepositoryFacts>().GetBranchHeadAsync("main");
            var workflow = await services.GetRequiredService<IRepositoryFacts>().GetFileAsync(".github/workflows/promotion.yml", "main");

            Assert.True(head.Succeeded, head.Error?.Message);
            Assert.Equal(40, head.Value.Sha.Length);
            Assert.True(workflow.Value.Found);
            var banner = Assert.Single(logs.Lines, l => l.Contains("sandbox — no real GitHub", StringComparison.Ordinal));
            Assert.Contains("127.0.0.1", banner, StringComparison.Ordinal);
            Assert.Equal(GitHubMode.Sandbox, services.GetRequiredService<IOptions<GitHubOptions>>().Value.Mode);

            // Issue #14: the control API of the bot's sandbox takes a token made for this start, which is never logged.
            var sandbox = services.GetRequiredService<GitHubSandboxHostedService>().Sandbox!;
            var runs = new Uri(sandbox.BaseAddress, "_sandbox/runs");
            using var http = new HttpClient();
            using var anonymous = await http.GetAsync(runs);
            using var request = new HttpRequestMessage(HttpMethod.Get, runs);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.ControlToken);
            using var authorised = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
            Assert.Equal(64, sandbox.ControlToken.Length);
            Assert.DoesNotContain(logs.Lines, l => l.Contains(sandbox.ControlToken, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }

            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
