using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Rules.Policy;

/// <summary>The declarative policy data from <c>rules/policy.yaml</c>. Rules read it as a fact; nothing here is code.</summary>
/// <param name="AllowedBranch">The only branch promotions may run from (runbook §2.3).</param>
/// <param name="WorkflowPath">Where the promotion workflow lives in the application repository.</param>
/// <param name="Environments">The environments in promotion order: each must be reached through the one before it.</param>
/// <param name="Acknowledgement">The skip acknowledgement phrase and how long a request for it stays open.</param>
/// <param name="RequiredSecrets">Actions secrets that must exist (runbook §5.3).</param>
/// <param name="Posture">The read-only posture flags (runbook §4.1).</param>
/// <param name="WriteWindows">Limits on write windows (runbook §4.3).</param>
/// <param name="NightlyParity">Where nightly parity comes from and how fresh it must be (runbook §2.1).</param>
/// <param name="Gates">Which workflow job is which gate.</param>
/// <param name="Authorization">Who may do what besides promoting; null: every list at its secure default.</param>
/// <param name="ParityMetrics">
/// policy.yaml <c>parity.metrics</c>: how to read the metrics of a parity report that is not in this project's format;
/// null or empty: the default pairing (parity/README.md "Any shape").
/// </param>
public sealed record PromotionPolicy(
    string AllowedBranch,
    string WorkflowPath,
    IReadOnlyList<EnvironmentPolicy> Environments,
    AcknowledgementPolicy Acknowledgement,
    IReadOnlyList<string> RequiredSecrets,
    PosturePolicy Posture,
    WriteWindowPolicy WriteWindows,
    NightlyParityPolicy NightlyParity,
    GateMap Gates,
    AuthorizationPolicy? Authorization = null,
    IReadOnlyList<ParityMetricMapping>? ParityMetrics = null)
{
    /// <summary>The <c>authorization</c> section, or its defaults when the file has none.</summary>
    public AuthorizationPolicy Access => Authorization ?? AuthorizationPolicy.Defaults;

    /// <summary>Whether separation of duties holds (policy.yaml, else on outside Development).</summary>
    public bool SeparatesDuties(bool isDevelopment) => Access.SeparationOfDuties ?? !isDevelopment;

    /// <summary>Who may take <paramref name="action"/> on <paramref name="environment"/>, and the policy key naming them.</summary>
    public ActionOwners OwnersOf(PolicyAction action, string environment)
    {
        var requesters = FindEnvironment(environment)?.Requesters ?? [];
        var requestersKey = $"environments[{environment}].requesters";
        return action switch
        {
            PolicyAction.Promote => new(action, environment, requesters, requestersKey, StandIn: null),
            PolicyAction.Cancel => new(action, environment, Access.Cancelers, "authorization.cancelers", StandIn: null),
            PolicyAction.Verify => Listed(action, environment, Access.Verifiers, "authorization.verifiers", requesters, requestersKey),
            PolicyAction.PostureChecklist => Listed(action, environment, Access.PostureChecklist, "authorization.posture_checklist", requesters, requestersKey),
            PolicyAction.WriteWindow => Listed(action, environment, Access.WriteWindowApprovers, "authorization.write_window_approvers", requesters, requestersKey),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static ActionOwners Listed(
        PolicyAction action, string environment, IReadOnlyList<string>? listed, string key, IReadOnlyList<string> requesters, string requestersKey) =>
        listed is null
            ? new(action, environment, requesters, key, StandIn: requestersKey)
            : new(action, environment, listed, key, StandIn: null);

    public EnvironmentPolicy? FindEnvironment(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>The environment a commit must have reached before <paramref name="name"/>; null for the first.</summary>
    public string? PredecessorOf(string name)
    {
        var index = Environments.ToList().FindIndex(e => string.Equals(e.Name, name, StringComparison.Ordinal));
        return index > 0 ? Environments[index - 1].Name : null;
    }

    // The three helpers below exist because rule conditions are expression trees, which cannot use ?. or patterns.

    /// <summary>True when <paramref name="name"/> is one of the policy's environments.</summary>
    public bool IsKnownEnvironment(string name) => FindEnvironment(name) is not null;

    /// <summary>True when <paramref name="name"/> is known and its policy allows an acknowledged parity skip.</summary>
    public bool AllowsParitySkip(string name) => FindEnvironment(name) is { AllowParitySkip: true };

    /// <summary>True when <paramref name="name"/> is known and must keep the read-only posture (runbook §4).</summary>
    public bool HasReadOnlyPosture(string name) => FindEnvironment(name) is { ReadOnlyPosture: true };
}

/// <summary>One environment's settings.</summary>
/// <param name="Name">As typed in chat and sent as <c>target_environment</c>.</param>
/// <param name="AllowParitySkip">Whether a typed acknowledgement may skip parity. Never honoured for production.</param>
/// <param name="ReadOnlyPosture">Whether the posture flags must be false (runbook §4).</param>
/// <param name="Requesters">Who may promote here: <c>*</c> or <c>channel:userId</c> (<see cref="PersonNaming"/>; never an e-mail). Empty means nobody outside Development.</param>
public sealed record EnvironmentPolicy(string Name, bool AllowParitySkip, bool ReadOnlyPosture, IReadOnlyList<string> Requesters)
{
    /// <summary>True when an entry of <see cref="Requesters"/> names <paramref name="requester"/>.</summary>
    public bool Admits(RequesterIdentity requester) => Requesters.Any(requester.IsNamedBy);
}

/// <param name="Phrase">The exact phrase, compared ordinally (runbook §5.4).</param>
/// <param name="ExpiresAfter">How long a pending acknowledgement stays valid.</param>
public sealed record AcknowledgementPolicy(string Phrase, TimeSpan ExpiresAfter);

public sealed record PosturePolicy(IReadOnlyList<PostureFlagPolicy> Flags);

/// <param name="Name">The environment variable, e.g. <c>ENABLE_PURGE_EXECUTION</c>.</param>
/// <param name="Purpose">What the read-only default prevents (runbook §4.1).</param>
public sealed record PostureFlagPolicy(string Name, string Purpose);

/// <param name="MinDuration">Shortest window that may be opened.</param>
/// <param name="MaxDuration">Longest window that may be opened.</param>
/// <param name="ReminderBeforeEnd">When to remind the channel before a window ends.</param>
/// <param name="ChangeRequestPattern">Regular expression a change request id must match.</param>
public sealed record WriteWindowPolicy(TimeSpan MinDuration, TimeSpan MaxDuration, TimeSpan ReminderBeforeEnd, string ChangeRequestPattern);

/// <param name="Workflow">The nightly parity workflow file.</param>
/// <param name="Artifact">The artifact holding its report.</param>
/// <param name="MaxAge">How old the newest successful run may be.</param>
public sealed record NightlyParityPolicy(string Workflow, string Artifact, TimeSpan MaxAge);

/// <summary>Which workflow job name is which gate or the deploy step.</summary>
public sealed record GateMap(IReadOnlyDictionary<PromotionStep, string> JobNames)
{
    /// <summary>The key of each step under policy.yaml's <c>gates:</c>, in runbook order (§2.3).</summary>
    public static IReadOnlyList<(string Key, PromotionStep Step)> Keys { get; } =
    [
        ("validate_request", PromotionStep.ValidateRequest),
        ("ci_gate", PromotionStep.CiGate),
        ("policy_gate", PromotionStep.PolicyGate),
        ("rehearsal_gate", PromotionStep.RehearsalGate),
        ("parity_gate", PromotionStep.ParityGate),
        ("deploy", PromotionStep.Deploy),
    ];

    public string JobNameOf(PromotionStep step) => JobNames[step];

    /// <summary>The policy.yaml key naming <paramref name="step"/>'s job, e.g. <c>gates.parity_gate</c>.</summary>
    public static string KeyOf(PromotionStep step) => "gates." + Keys.Single(k => k.Step == step).Key;
}
