using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Promotions;

/// <summary>Who asks the promotions module for something, the conversation that hears about it later, and when they asked.</summary>
/// <param name="Identity">The person as their chat platform authenticated them.</param>
/// <param name="ConversationReferenceId">The stored conversation the request came from; status cards and outcomes go back there.</param>
/// <param name="At">When the request arrived.</param>
public sealed record Caller(RequesterIdentity Identity, long? ConversationReferenceId, DateTimeOffset At)
{
    /// <summary>The name the audit log records for this caller.</summary>
    public string Actor => Identity.DisplayName;
}
