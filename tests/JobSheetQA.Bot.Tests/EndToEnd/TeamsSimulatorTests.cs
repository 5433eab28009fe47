using System.Diagnostics;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace JobSheetQA.Bot.Tests.EndToEnd;

/// <summary>
/// Microsoft's local Teams simulator (<c>@microsoft/m365agentsplayground</c> 0.2.28, from npm) against the whole bot
/// on real HTTP, in sandbox mode: a user types <c>promote staging</c>, the status card is updated in place until every
/// gate has passed, and <c>promote production skip parity</c> is refused. <c>tests/e2e/teams-playground/run.sh</c>
/// installs and starts the simulator; Node.js and npm must be on the machine (<c>./test.sh</c> sees to it).
/// </summary>
public sealed class TeamsSimulatorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_Teams_user_promotes_staging_through_the_simulator_and_cannot_skip_parity_on_production()
    {
        var contentRoot = Directory.CreateTempSubdirectory("jobsheetqa-teams-e2e-").FullName;
        var outputFolder = Path.Combine(contentRoot, "simulator");
        await using var bot = new WebApplicationFactory<ChatTurnHandler>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(contentRoot);
            builder.UseEnvironment("Development");
            builder.UseSetting("Tracking:PollInterval", "00:00:01");
            builder.UseSetting("Jobs:PollInterval", "00:00:01");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        bot.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        bot.StartServer();
        var address = bot.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var messagesUrl = new Uri(new Uri(address), "/api/messages");

        var (exitCode, transcript) = await RunSimulatorAsync(messagesUrl, outputFolder);

        output.WriteLine(transcript);
        Assert.True(exitCode == 0, $"The simulator scenario failed (exit {exitCode}); its files are in {outputFolder}.\n{transcript}");
        Assert.Contains("PASSED", transcript, StringComparison.Ordinal);
        Assert.Contains("bot (updated):", transcript, StringComparison.Ordinal);
        Assert.Contains("Cannot skip parity for production", transcript, StringComparison.Ordinal);

        await bot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(contentRoot, recursive: true);
    }

    private static async Task<(int ExitCode, string Transcript)> RunSimulatorAsync(Uri messagesUrl, string outputFolder)
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "e2e", "teams-playground", "run.sh");
        var start = new ProcessStartInfo("bash", [script, messagesUrl.ToString(), outputFolder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The simulator scenario did not finish in 6 minutes.\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
