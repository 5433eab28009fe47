using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Hosting;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.GitHubSandbox.State;

/// <summary>
/// Everything the sandbox remembers. One lock (<see cref="Sync"/>) guards it all: the sandbox is small and
/// correctness under concurrent test requests matters more than throughput.
/// </summary>
internal sealed class SandboxState
{
    private const int MaxLogEntries = 10_000;

    public SandboxState(SandboxOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        InitialRepository = options.Repository ?? RepositoryState.CreateDefault(
            options.WorkflowPath is { Length: > 0 } path ? File.ReadAllText(path) : null);
        Budget = new RateBudget(options.RateLimit);
        Clear();
        if (options.StateFile is { } stateFile)
        {
            SandboxStateFile.Load(stateFile, this);
        }
    }

    public object Sync { get; } = new();

    public SandboxOptions Options { get; }

    public TimeProvider Time { get; }

    public RepositoryState InitialRepository { get; }

    public RepositoryState Repository { get; set; } = null!;

    public List<SimulatedRun> Runs { get; } = [];

    public Queue<Scenario> ScenarioQueue { get; } = new();

    public Scenario DefaultScenario { get; set; } = Scenario.Success;

    public List<FaultEntry> Faults { get; } = [];

    public List<RequestLogEntry> Log { get; } = [];

    public Dictionary<string, DateTimeOffset> InstallationTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DownloadLink> DownloadLinks { get; } = new(StringComparer.Ordinal);

    public RateBudget Budget { get; private set; }

    /// <summary>Where the download listener is reachable, set once the host has started.</summary>
    public Uri? DownloadBaseAddress { get; set; }

    /// <summary>The API listener's address (set once it listens): callback URLs in webhooks point here.</summary>
    public Uri? BaseAddress { get; set; }

    public long NextRunId { get; set; }

    public long NextJobId { get; set; }

    public long NextArtifactId { get; set; }

    /// <summary>
    /// Back to the state at start with no runs (saved runs forgotten too). With a state file the ids carry on rising: a
    /// client that kept a run id from before must not find another run under it.
    /// </summary>
    public void Reset()
    {
        lock (Sync)
        {
            var (runId, jobId, artifactId) = (NextRunId, NextJobId, NextArtifactId);
            Clear();
            if (Options.StateFile is not null)
            {
                (NextRunId, NextJobId, NextArtifactId) = (runId, jobId, artifactId);
            }

            SaveRuns();
        }
    }

    /// <summary>Writes the runs to <see cref="SandboxOptions.StateFile"/>, if there is one; call under <see cref="Sync"/> after changing a run.</summary>
    public void SaveRuns()
    {
        if (Options.StateFile is { } path)
        {
            SandboxStateFile.Save(path, this);
        }
    }

    private void Clear()
    {
        lock (Sync)
        {
            Repository = InitialRepository;
            Runs.Clear();
            ScenarioQueue.Clear();
            DefaultScenario = Options.DefaultScenario;
            Faults.Clear();
            Log.Clear();
            InstallationTokens.Clear();
            DownloadLinks.Clear();
            Budget = new RateBudget(Options.RateLimit);
            // Distinct ranges so a run id passed where a job id belongs fails loudly.
            NextRunId = 9_000_001;
            NextJobId = 29_000_001;
            NextArtifactId = 490_001;
        }
    }

    public void Record(RequestLogEntry entry)
    {
        lock (Sync)
        {
            if (Log.Count >= MaxLogEntries)
            {
                Log.RemoveAt(0);
            }

            Log.Add(entry);
        }
    }

    /// <summary>The next scenario without consuming it (the dispatch answer depends on it).</summary>
    public Scenario PeekScenario()
    {
        lock (Sync)
        {
            return ScenarioQueue.Count > 0 ? ScenarioQueue.Peek() : DefaultScenario;
        }
    }

    public Scenario TakeScenario()
    {
        lock (Sync)
        {
            return ScenarioQueue.Count > 0 ? ScenarioQueue.Dequeue() : DefaultScenario;
        }
    }

    /// <summary>Finds and spends the first fault rule that matches, or null.</summary>
    public FaultRule? TakeFault(string method, string path)
    {
        lock (Sync)
        {
            foreach (var entry in Faults)
            {
                if (!entry.Rule.Matches(method, path))
                {
                    continue;
                }

                if (entry.Rule.Count > 0 && --entry.Remaining <= 0)
                {
                    Faults.Remove(entry);
                }

                return entry.Rule;
            }

            return null;
        }
    }

    public bool IsValidInstallationToken(string token)
    {
        lock (Sync)
        {
            return InstallationTokens.TryGetValue(token, out var expires) && Time.GetUtcNow() < expires;
        }
    }
}
