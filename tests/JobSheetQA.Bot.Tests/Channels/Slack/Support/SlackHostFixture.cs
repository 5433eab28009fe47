namespace JobSheetQA.Bot.Tests.Channels.Slack.Support;

/// <summary>One Slack-enabled bot shared by the tests of a class; each test uses its own Slack channel id.</summary>
public sealed class SlackHostFixture : IAsyncLifetime
{
    public SlackTestHost Slack { get; private set; } = null!;

    // One worker: turns are handled in arrival order, so "the next message was answered" means every earlier one was handled.
    public async Task InitializeAsync() => Slack = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Inbound:Workers"] = "1" });

    public async Task DisposeAsync() => await Slack.DisposeAsync();

    /// <summary>A channel id no other test uses.</summary>
    public static string NewChannel() => "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}
