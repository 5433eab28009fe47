using JobSheetQA.Bot.Tests.Chat.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Support;

/// <summary>Base of the command transcript tests: a whole bot per test (fresh database and sandbox), and its sandbox's control API.</summary>
public abstract class TranscriptTests : IAsyncLifetime
{
    private ChatTestHost? chat;

    protected ChatTestHost Chat => chat ?? throw new InvalidOperationException("The bot has not started.");

    protected SandboxRemote Sandbox => new(Chat);

    /// <summary>Settings for the host (e.g. another policy file); none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual Task InitializeAsync()
    {
        chat = ChatTestHost.Start(Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (chat is not null)
            await chat.DisposeAsync();
    }
}
