namespace JobSheetQA.Rules.Policy;

/// <summary>
/// Who may do what besides promoting (policy.yaml <c>authorization</c>, optional). Entries name people as
/// <c>teams:&lt;entra-object-id&gt;</c>, <c>slack:&lt;user-id&gt;</c> or <c>*</c>. A list left out takes its secure default:
/// the people who may promote to the environment concerned.
/// </summary>
/// <param name="Cancelers">May cancel anyone's promotion; its requester may always cancel their own. Default: nobody else.</param>
/// <param name="Verifiers">May record an environment's verification; null: that environment's requesters.</param>
/// <param name="SeparationOfDuties">
/// Whether a commit's promotion needs its predecessor's verification recorded by someone other than the promotion's
/// requester; null: on outside Development.
/// </param>
/// <param name="PostureChecklist">May answer the posture checklist after a promotion; null: that environment's requesters.</param>
/// <param name="WriteWindowApprovers">May open and close write windows; null: that environment's requesters.</param>
public sealed record AuthorizationPolicy(
    IReadOnlyList<string> Cancelers,
    IReadOnlyList<string>? Verifiers,
    bool? SeparationOfDuties,
    IReadOnlyList<string>? PostureChecklist,
    IReadOnlyList<string>? WriteWindowApprovers)
{
    /// <summary>Every list at its default: an absent <c>authorization</c> section.</summary>
    public static AuthorizationPolicy Defaults { get; } = new([], null, null, null, null);
}
