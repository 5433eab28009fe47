namespace JobSheetQA.Rules.Facts;

/// <summary>Who asked, as the chat channel identified them.</summary>
/// <param name="Channel">The channel that authenticated the user, e.g. <c>teams</c> or <c>slack</c>.</param>
/// <param name="UserId">The channel's stable user id (Entra object id, Slack user id).</param>
/// <param name="DisplayName">The name shown in chat.</param>
/// <param name="Email">The user's e-mail or UPN when the channel provides it.</param>
/// <param name="Verified">
/// True when the platform vouches for <paramref name="UserId"/> as the person's stable id (Teams: an Entra object id;
/// Slack: a user of an allowed workspace). Someone the platform cannot name that way may only read, never act.
/// </param>
public sealed record RequesterIdentity(string Channel, string UserId, string DisplayName, string? Email = null, bool Verified = true)
{
    /// <summary>The form policy.yaml uses to name a person without an e-mail: <c>channel:userId</c>.</summary>
    public string QualifiedId => $"{Channel}:{UserId}";

    /// <summary>
    /// True when a policy entry (<c>*</c> or <c>channel:userId</c>) names this person. Nothing names someone the platform
    /// did not vouch for, not even <c>*</c>; an e-mail never names anyone (the sender controls it).
    /// </summary>
    public bool IsNamedBy(string policyEntry) =>
        Verified
        && (policyEntry == "*" || string.Equals(policyEntry, QualifiedId, StringComparison.OrdinalIgnoreCase));
}
