namespace JobSheetQA.Bot.Channels.Teams.Activities;

/// <summary>
/// What an activity of a type the bot acts on must carry before anything reads it. A message, a card action, or the bot
/// being added or removed happens in a conversation; without <c>conversation.id</c> there is nothing to answer or remember,
/// so it is the sender's mistake (a 400), not a turn that fails halfway.
/// </summary>
public static class ActivityShape
{
    private static readonly HashSet<string> InAConversation = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
    };

    /// <summary>Null when the activity has what its type needs; otherwise the reason it is refused.</summary>
    public static string? Problem(Activity activity)
    {
        var needsConversation = InAConversation.Contains(activity.Type!)
            || (activity.Type == ActivityTypes.Invoke && activity.Name == ActivityTypes.AdaptiveCardActionInvoke);
        return needsConversation && string.IsNullOrEmpty(activity.Conversation?.Id)
            ? $"a {activity.Type} activity without conversation.id"
            : null;
    }
}
