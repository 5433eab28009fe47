using System.Diagnostics;

namespace JobSheetQA.Bot.Tests.Hosting.Settings;

/// <summary>
/// The built bot run as an operator runs it, with several features half-configured through environment variables:
/// the process stops before it opens its port or touches its data folder, and prints every problem at once.
/// </summary>
public sealed class InvalidSettingsProcessTests : IDisposable
{
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("jobsheetqa-invalid-settings-").FullName;

    public void Dispose() => Directory.Delete(workingDirectory, recursive: true);

    [Fact]
    public async Task The_bot_stops_before_listening_and_prints_every_problem_by_key()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JobSheetQA.Bot.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Slack__Enabled"] = "true";
        start.Environment["Slack__BotToken"] = "not-a-bot-token";
        start.Environment["GitHub__Webhooks__Enabled"] = "true";
        start.Environment["Tracking__PollInterval"] = "soon";

        using var bot = Process.Start(start)!;
        var output = bot.StandardOutput.ReadToEndAsync();
        var errors = bot.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            await bot.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, bot.ExitCode);
        var printed = await errors;
        Assert.Contains("JobSheetQA.Bot cannot start: 7 settings need fixing", printed, StringComparison.Ordinal);
        // Issue #14: outside Development GitHub:Mode has no default, so a forgotten setting cannot mean the simulator.
        foreach (var key in new[] { "GitHub:Mode is not set", "MicrosoftAppId", "Slack:AllowedTeams", "Slack:SigningSecret", "Slack:BotToken", "GitHub:WebhookSecret", "Tracking:PollInterval" })
            Assert.Contains($"  - {key}", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workingDirectory, "data")), "nothing was stored before the settings were checked");
    }
}
