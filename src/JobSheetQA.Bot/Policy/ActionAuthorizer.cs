using System.Text.Json;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Policy;

/// <summary>
/// Checks an action against policy.yaml's owners of it (<see cref="PromotionPolicy.OwnersOf"/>): only someone the chat
/// platform vouches for, and whom the owners' list names (<c>*</c> or their <c>channel:userId</c>), may act. As for
/// promoting (rule ACCESS), an empty list means nobody outside Development and anyone in it — except for cancelling
/// someone else's promotion, which always needs a listed canceler. Every refusal is audited.
/// (Promoting itself is judged by the rule engine, ACCESS, with the rest of the decision.)
/// </summary>
public sealed class ActionAuthorizer(PromotionPolicy policy, AuditLog audit, IHostEnvironment host)
{
    /// <summary>Null when <paramref name="who"/> may take <paramref name="action"/> on <paramref name="environment"/>; else why not.</summary>
    public NotAuthorized? Check(PolicyAction action, string environment, RequesterIdentity who)
    {
        var owners = policy.OwnersOf(action, environment);
        if (!who.Verified)
            return new NotAuthorized(action, environment, who, owners);
        if (owners.Entries.Any(who.IsNamedBy))
            return null;
        var anyoneInDevelopment = owners.Entries.Count == 0 && action != PolicyAction.Cancel && host.IsDevelopment();
        return anyoneInDevelopment ? null : new NotAuthorized(action, environment, who, owners);
    }

    /// <summary><see cref="Check"/>, with a refusal written to the audit log.</summary>
    public async Task<NotAuthorized?> CheckAsync(
        PolicyAction action, string environment, RequesterIdentity who, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (Check(action, environment, who) is not { } refusal)
            return null;

        await audit.AppendAsync(new AuditEntry(at, Actor.Of(who), "authorization.refused", Environment: environment,
            Details: JsonSerializer.Serialize(new
            {
                action = action.ToString(),
                who = who.QualifiedId,
                verified = who.Verified,
                policyKey = refusal.Owners.PolicyKey,
            })), cancellationToken);
        return refusal;
    }
}
