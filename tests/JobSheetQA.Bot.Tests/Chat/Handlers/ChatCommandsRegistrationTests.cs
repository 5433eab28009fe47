using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Handlers.Evidence;
using JobSheetQA.Bot.Chat.Handlers.Posture;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Chat.Handlers.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Chat.Handlers;

public sealed class ChatCommandsRegistrationTests : TranscriptTests
{
    [Fact]
    public void Every_command_of_this_module_has_a_handler_in_the_running_bot()
    {
        Type[] commands =
        [
            typeof(HelpCommand), typeof(WhoAmICommand), typeof(PolicyCommand), typeof(SubscribeCommand), typeof(UnsubscribeCommand),
            typeof(VerifyCommand), typeof(PostureCommand), typeof(OpenWriteWindowCommand), typeof(CloseWriteWindowCommand), typeof(ReadinessCommand),
        ];

        var handled = Chat.Get<ChatTurnHandler>().HandledCommandTypes;

        Assert.All(commands, command => Assert.Contains(command, handled));
    }

    [Fact]
    public void The_checklist_forms_have_their_handlers()
    {
        var forms = Chat.Services.GetServices<IChatFormHandler>().ToList();

        Assert.Contains(forms, f => f is StagingVerificationFormHandler && f.CanHandle("verify:staging:abc"));
        Assert.Contains(forms, f => f is PostureChecklistFormHandler && f.CanHandle(PostureChecklistForm.FormId("p-1")));
        Assert.DoesNotContain(forms, f => f is StagingVerificationFormHandler or PostureChecklistFormHandler && f.CanHandle("ack:p-1"));
        Assert.DoesNotContain(forms, f => f is StagingVerificationFormHandler && f.CanHandle(PostureChecklistForm.FormId("p-1")));
    }
}
