using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Policy;

/// <summary>
/// Why someone may not take an action: their chat platform did not vouch for who they are (<see cref="Unverified"/>),
/// or policy.yaml does not name them where <see cref="Owners"/> says it would have to.
/// </summary>
public sealed record NotAuthorized(PolicyAction Action, string Environment, RequesterIdentity Who, ActionOwners Owners)
{
    public bool Unverified => !Who.Verified;
}
