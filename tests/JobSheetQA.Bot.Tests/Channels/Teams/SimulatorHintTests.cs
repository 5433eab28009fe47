using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.GitHub;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>The start-up line that tells a newcomer how to open a chat with the local Teams simulator (README "Talk to it").</summary>
public sealed class SimulatorHintTests
{
    private const string HintEvent = "[5130]";

    [Fact]
    public void The_command_for_the_default_address_is_the_one_README_shows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Replace("\\\n  ", "", StringComparison.Ordinal);

        var command = TeamsSimulatorHint.Command("http://localhost:3978");

        Assert.StartsWith("APPLICATION_INSIGHTS_NO_STATSBEAT=1 npx -p @microsoft/m365agentsplayground@0.2.28 agentsplayground -e http://127.0.0.1:3978/api/messages ", command, StringComparison.Ordinal);
        Assert.Contains(command, readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://[::]:5000", "http://127.0.0.1:5000/api/messages")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/api/messages")]
    [InlineData("http://0.0.0.0:3978", "http://127.0.0.1:3978/api/messages")]
    [InlineData("http://bot.internal:3978", "http://bot.internal:3978/api/messages")]
    public void Wildcard_and_loopback_bindings_become_an_address_the_simulator_can_reach(string listening, string endpoint) =>
        Assert.Contains($" -e {endpoint} ", TeamsSimulatorHint.Command(listening), StringComparison.Ordinal);

    [Fact]
    public async Task Development_without_an_app_id_logs_the_simulator_command_once_at_start_up()
    {
        var logs = new CapturingLoggerProvider();
        await using var chat = StartLogging(logs, new Dictionary<string, string?> { ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "" });

        var hint = Assert.Single(logs.Lines, l => l.Contains(HintEvent, StringComparison.Ordinal));
        Assert.Contains("Talk to the bot with the local Teams simulator", hint, StringComparison.Ordinal);
        Assert.Contains("agentsplayground -e http://", hint, StringComparison.Ordinal);
        Assert.Contains("/api/messages -c msteams", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_nothing_is_logged_because_the_simulator_cannot_sign_in()
    {
        var logs = new CapturingLoggerProvider();
        await using var chat = StartLogging(logs, new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001", ["MicrosoftAppPassword"] = "not-a-real-secret" });

        using var client = chat.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(HintEvent, StringComparison.Ordinal));
    }

    private static ChatTestHost StartLogging(CapturingLoggerProvider logs, Dictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:JobSheetQA.Bot.Channels.Teams"] = "Information";
        var chat = ChatTestHost.Start(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        _ = chat.Services; // starts the host
        return chat;
    }
}
