using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;

namespace JobSheetQA.Bot.Tests.Chat.Turns;

public sealed class ChatTurnHandlerTests : IAsyncLifetime
{
    private ChatTestHost chat = null!;

    public Task InitializeAsync()
    {
        chat = ChatTestHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await chat.DisposeAsync();

    [Fact]
    public async Task Unknown_text_gets_the_error_a_did_you_mean_and_the_help_never_silence()
    {
        var answer = await chat.SayAsync("dana", "promot staging");

        Assert.Contains("I don't know \"promot\".", answer, StringComparison.Ordinal);
        Assert.Contains("Did you mean `promote staging`?", answer, StringComparison.Ordinal);
        Assert.Contains("Commands:", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_the_grammar_can_produce_has_a_handler_in_the_running_bot()
    {
        var commandTypes = typeof(ChatCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ChatCommand)) && !t.IsAbstract).ToList();

        var handled = chat.Get<ChatTurnHandler>().HandledCommandTypes;

        Assert.NotEmpty(commandTypes);
        Assert.All(commandTypes, command => Assert.Contains(command, handled));
    }

    [Fact]
    public async Task A_repeated_delivery_is_answered_once()
    {
        var message = new ChatMessage("activity-7", ChatTestHost.Conversation("general"), ChatTestHost.User("dana"), "promot staging");

        var first = await chat.SendAsync(message);
        var repeat = await chat.SendAsync(message);

        Assert.False(first.WasDuplicate);
        Assert.NotEmpty(first.Replies);
        Assert.True(repeat.WasDuplicate);
        Assert.Empty(repeat.Replies);
    }

    [Fact]
    public async Task Every_conversation_that_speaks_is_stored_so_jobs_can_post_into_it_later()
    {
        await chat.SayAsync("dana", "promot staging", conversationId: "team-releases");

        var stored = await chat.Get<ConversationStore>().FindReferenceAsync(TestChannel.Name, "team-releases");

        Assert.NotNull(stored);
        Assert.Equal(TestChannel.Name, stored.Channel);
    }

    [Fact]
    public async Task A_form_nobody_handles_is_answered_with_a_clear_message()
    {
        var answer = await chat.SubmitAsync("dana", "no-such-form", new Dictionary<string, string> { ["x"] = "1" });

        Assert.Contains("That form is no longer open.", answer, StringComparison.Ordinal);
    }
}
