namespace JobSheetQA.Rules.Policy;

/// <summary>Who policy.yaml lets take an action on an environment, and the key that says so.</summary>
/// <param name="Entries">The entries naming them (<c>*</c>, <c>teams:…</c>, <c>slack:…</c>); empty when nobody is named.</param>
/// <param name="PolicyKey">Where in policy.yaml they are listed, e.g. <c>authorization.verifiers</c>.</param>
/// <param name="StandIn">
/// The key whose list stands in while <paramref name="PolicyKey"/> is left out (the environment's requesters); null when
/// <paramref name="PolicyKey"/> itself is set or has no stand-in.
/// </param>
public sealed record ActionOwners(PolicyAction Action, string Environment, IReadOnlyList<string> Entries, string PolicyKey, string? StandIn)
{
    public bool IsDefault => StandIn is not null;
}
