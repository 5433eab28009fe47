using JobSheetQA.Bot.GitHub.Variables;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Posture;

/// <summary>An environment's posture as it stands (runbook §4): its flags as GitHub has them, the open write window, the last checklist.</summary>
/// <param name="Environment">The environment's policy (whether it keeps a read-only posture).</param>
/// <param name="Flags">Every posture flag of the policy, in its order; unset flags included.</param>
/// <param name="Window">The open write window ending last, if any.</param>
/// <param name="LastChecklist">The newest posture checklist recorded for a read-only environment, if any.</param>
public sealed record PostureView(EnvironmentPolicy Environment, IReadOnlyList<PostureFlag> Flags, WriteWindow? Window, PostureChecklistEntity? LastChecklist)
{
    /// <summary>Each flag at environment, repository and organisation scope, in the policy's order.</summary>
    public IReadOnlyList<VariableScopes> Scopes { get; init; } = [];

    public IReadOnlyList<PostureFlag> Enabled => Flags.Where(f => f.IsEnabled).ToList();
}
