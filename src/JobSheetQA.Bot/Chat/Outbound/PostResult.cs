namespace JobSheetQA.Bot.Chat.Outbound;

/// <summary>The outcome of <see cref="ConversationPoster.PostAsync"/>, with the platform's message id when there is one.</summary>
public sealed record PostResult(PostOutcome Outcome, string? MessageId = null, string? Error = null)
{
    /// <summary>The post exists now (this call made it or an earlier one did).</summary>
    public bool Delivered => Outcome is PostOutcome.Posted or PostOutcome.AlreadyPosted;
}
