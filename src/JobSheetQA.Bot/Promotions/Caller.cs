using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Promotions;

/// <summary>Who asks the promotions module for something, the conversation that hears about it later, and when they asked.</summary>
/// <param name="Identity">The person as their chat platform authenticated them.</param>
/// <param name="ConversationReferenceId">The stored conversation the request came from; status cards and outcomes go back there.</param>
/// <param name="At">When the request arrived.</param>
/// <param name="ThreadId">The thread of that conversation the request came from (e.g. a Slack thread); null for the conversation itself.</param>
/// <param name="RequestKey">
/// The request's own key (a chat turn: channel and inbound id), when it has one: the same request handled again (after
/// the worker handling it stopped mid-way) finds its promotion instead of starting, and dispatching, a second.
/// </param>
public sealed record Caller(
    RequesterIdentity Identity, long? ConversationReferenceId, DateTimeOffset At, string? ThreadId = null, string? RequestKey = null)
{
    /// <summary>The caller as the records keep them: platform id and display name.</summary>
    public Actor Actor => Actor.Of(Identity);
}
