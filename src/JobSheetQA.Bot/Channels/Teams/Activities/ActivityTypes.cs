namespace JobSheetQA.Bot.Channels.Teams.Activities;

/// <summary>The activity types and invoke names this bot acts on; other types are acknowledged and ignored.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";

    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
}
