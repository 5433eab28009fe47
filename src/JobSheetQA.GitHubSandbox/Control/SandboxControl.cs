using System.Text.Json;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>
/// The control operations of a running sandbox, for in-process tests. The HTTP control API under
/// <c>/_sandbox/</c> calls these same methods.
/// </summary>
public sealed class SandboxControl
{
    private readonly SandboxState state;
    private readonly PromotionSimulator simulator;

    internal SandboxControl(SandboxState state, PromotionSimulator simulator)
    {
        this.state = state;
        this.simulator = simulator;
    }

    /// <summary>Runs, tokens, faults, log, scenarios, rate budget and repository back to how the sandbox started.</summary>
    public void Reset()
    {
        lock (state.Sync)
        {
            state.Reset();
            simulator.Forget();
        }
    }

    public RepositoryState Repository
    {
        get
        {
            lock (state.Sync)
            {
                return state.Repository;
            }
        }
    }

    public void SetRepository(RepositoryState repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        lock (state.Sync)
        {
            state.Repository = repository;
        }
    }

    public void UpdateRepository(Func<RepositoryState, RepositoryState> change)
    {
        lock (state.Sync)
        {
            state.Repository = change(state.Repository);
        }
    }

    public void SetBranchHead(string branch, string sha) =>
        UpdateRepository(r => r with { Branches = r.Branches.SetItem(branch, sha) });

    public void SetFile(string path, string text) => UpdateRepository(r => r with { Files = r.Files.SetItem(path, text) });

    public void RemoveFile(string path) => UpdateRepository(r => r with { Files = r.Files.Remove(path) });

    /// <summary>Gives commit <paramref name="sha"/> its own copy of today's files (as they were when it was made), so later
    /// <see cref="SetFile"/> calls change the branch but not that commit: <c>contents?ref=&lt;sha&gt;</c> keeps answering them.</summary>
    public void KeepFilesAtCommit(string sha) =>
        UpdateRepository(r => r with { CommitFiles = r.CommitFiles.SetItem(sha.ToLowerInvariant(), r.Files) });

    public void SetSecret(string name) => UpdateRepository(r => r with { Secrets = r.Secrets.Add(name) });

    public void RemoveSecret(string name) => UpdateRepository(r => r with { Secrets = r.Secrets.Remove(name) });

    public void SetEnvironmentSecret(string environment, string name) =>
        UpdateEnvironment(environment, e => e with { Secrets = e.Secrets.Add(name) });

    public void RemoveEnvironmentSecret(string environment, string name) =>
        UpdateEnvironment(environment, e => e with { Secrets = e.Secrets.Remove(name) });

    public void SetEnvironmentVariable(string environment, string name, string value) =>
        UpdateEnvironment(environment, e => e with { Variables = e.Variables.SetItem(name, value) });

    public void RemoveEnvironmentVariable(string environment, string name) =>
        UpdateEnvironment(environment, e => e with { Variables = e.Variables.Remove(name) });

    /// <summary>Sets a repository Actions variable (null removes it).</summary>
    public void SetRepositoryVariable(string name, string? value) =>
        UpdateRepository(r => r with { Variables = value is null ? r.Variables.Remove(name) : r.Variables.SetItem(name, value) });

    /// <summary>Sets an organisation variable shared with the repository (null removes it).</summary>
    public void SetOrganizationVariable(string name, string? value) =>
        UpdateRepository(r => r with { OrganizationVariables = value is null ? r.OrganizationVariables.Remove(name) : r.OrganizationVariables.SetItem(name, value) });

    /// <summary>An environment variable's value as the sandbox holds it now; null when unset (or no such environment).</summary>
    public string? EnvironmentVariable(string environment, string name) =>
        Repository.Environments.TryGetValue(environment, out var env) && env.Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary><c>active</c>, <c>disabled_manually</c>, … for every workflow.</summary>
    public void SetWorkflowState(string state) => UpdateRepository(r => r with { WorkflowState = state });

    /// <summary>The next <paramref name="runs"/> dispatched runs follow <paramref name="scenario"/>, after those already queued.</summary>
    public void EnqueueScenario(Scenario scenario, int runs = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        scenario.Validate();
        lock (state.Sync)
        {
            for (var i = 0; i < runs; i++)
            {
                state.ScenarioQueue.Enqueue(scenario);
            }
        }
    }

    /// <summary>The scenario of runs when the queue is empty.</summary>
    public void SetDefaultScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        lock (state.Sync)
        {
            state.DefaultScenario = scenario;
        }
    }

    /// <summary>Empties the scenario queue and restores the start default.</summary>
    public void ClearScenarios()
    {
        lock (state.Sync)
        {
            state.ScenarioQueue.Clear();
            state.DefaultScenario = state.Options.DefaultScenario;
        }
    }

    public void AddFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _ = new System.Text.RegularExpressions.Regex(rule.Path); // fail now on a bad pattern, not at request time
        lock (state.Sync)
        {
            state.Faults.Add(new FaultEntry(rule));
        }
    }

    public void ClearFaults()
    {
        lock (state.Sync)
        {
            state.Faults.Clear();
        }
    }

    /// <summary>Queued fault rules with the hits they have left in <see cref="FaultRule.Count"/>.</summary>
    public IReadOnlyList<FaultRule> Faults
    {
        get
        {
            lock (state.Sync)
            {
                return state.Faults.Select(f => f.Rule with { Count = f.Rule.Count == 0 ? 0 : f.Remaining }).ToList();
            }
        }
    }

    /// <summary>API requests, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog
    {
        get
        {
            lock (state.Sync)
            {
                return [.. state.Log];
            }
        }
    }

    public void ClearRequestLog()
    {
        lock (state.Sync)
        {
            state.Log.Clear();
        }
    }

    /// <summary>Every run, newest first, as it is now.</summary>
    public IReadOnlyList<RunSummary> ListRuns() => simulator.Snapshots().Select(PromotionSimulator.Summarise).ToList();

    public RunSummary? GetRun(long id) => simulator.Snapshot(id) is { } s ? PromotionSimulator.Summarise(s) : null;

    /// <summary>
    /// Starts <c>promotion.yml</c> as someone pressing Run workflow in the Actions tab: <paramref name="actor"/> is the run's
    /// actor and the webhook's sender, the inputs are the form's (<c>target_environment</c> = <paramref name="environment"/>,
    /// no <c>correlation_id</c>, so the title ends in <c>[manual]</c>). Checked like a dispatch; a refusal throws
    /// <see cref="ArgumentException"/> with GitHub's message.
    /// </summary>
    public RunSummary StartFromActionsTab(string actor, string environment, string branch = "main", IReadOnlyDictionary<string, string>? inputs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var formInputs = new Dictionary<string, string>(inputs ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["target_environment"] = environment,
        };
        var body = JsonSerializer.SerializeToElement(new { @ref = branch, inputs = formInputs });
        var outcome = simulator.Dispatch("promotion.yml", body, apiVersion: null, actor, fromActionsTab: true);
        return outcome.Run is { } run && GetRun(run.Id) is { } summary
            ? summary
            : throw new ArgumentException(outcome.Message ?? $"The run could not start (HTTP {outcome.Status}).");
    }

    /// <summary>
    /// The <c>deployment_protection_rule</c> body GitHub would send for the run's Deploy job (callback URL pointing at this
    /// sandbox), for a test that delivers it itself; null for an unknown run.
    /// </summary>
    public string? ProtectionRuleDelivery(long runId) =>
        simulator.Run(runId) is { } run && state.BaseAddress is { } baseAddress
            ? ProtectionRules.ProtectionRuleDelivery.Body(run, new Uri(baseAddress, "api/v3/"), state.Options.Owner, state.Options.Repo,
                state.Options.App?.InstallationId ?? 1)
            : null;

    /// <summary>Approves the environment review a run waits for; false when it waits for none.</summary>
    public bool ApproveDeployment(long runId) => simulator.Review(runId, approve: true) == 200;

    /// <summary>Rejects the environment review a run waits for; false when it waits for none.</summary>
    public bool RejectDeployment(long runId) => simulator.Review(runId, approve: false) == 200;

    /// <summary>Cancels a run as the Actions UI would; false when it is unknown or completed.</summary>
    public bool CancelRun(long runId) => simulator.Cancel(runId) == 202;

    /// <summary>Makes an artifact expired from now on (downloads answer 410).</summary>
    public bool ExpireArtifact(long artifactId) => simulator.ExpireArtifact(artifactId);

    /// <summary>Changes the primary budget; <paramref name="remaining"/> null keeps what was used.</summary>
    public void SetRateLimit(int limit, int? remaining = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (state.Sync)
        {
            state.Budget.Roll(state.Time.GetUtcNow());
            state.Budget.Set(limit, remaining);
        }
    }

    private void UpdateEnvironment(string environment, Func<EnvironmentState, EnvironmentState> change) =>
        UpdateRepository(r => r with
        {
            Environments = r.Environments.SetItem(environment, change(r.Environments.GetValueOrDefault(environment) ?? new EnvironmentState())),
        });
}
