using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>How a sandbox starts. Standalone, the same keys are read from the <c>Sandbox:</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary><c>localhost</c> or an IP address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>API port; 0 = any free port.</summary>
    public int Port { get; set; }

    /// <summary>Port of the artifact download listener (always 127.0.0.1); 0 = any free port.</summary>
    public int DownloadPort { get; set; }

    public string Owner { get; set; } = "contoso";

    public string Repo { get; set; } = "job-sheet-qa-auditor";

    /// <summary>One simulation tick: the time between two state changes of a run.</summary>
    public TimeSpan StepDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Clock of the simulation, tokens, rate limits and artifact expiry.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Accepted personal access tokens. With none and no <see cref="App"/>, any request is accepted.</summary>
    public IList<string> Tokens { get; set; } = [];

    public SandboxAppOptions? App { get; set; }

    /// <summary>
    /// The bearer token the control API (<c>/_sandbox/</c>) requires: <c>Authorization: Bearer &lt;token&gt;</c>. Null (the
    /// default) = a cryptographically random token generated at each start, read from <see cref="SandboxApp.ControlToken"/>.
    /// The GitHub REST surface keeps its own auth (<see cref="Tokens"/>, <see cref="App"/>).
    /// </summary>
    public string? ControlToken { get; set; }

    /// <summary>Primary rate-limit budget per hour.</summary>
    public int RateLimit { get; set; } = 5000;

    /// <summary>Repository at start and after a reset; <see cref="RepositoryState.CreateDefault"/> when null.</summary>
    public RepositoryState? Repository { get; set; }

    /// <summary>File whose text replaces the built-in promotion.yml in the default repository.</summary>
    public string? WorkflowPath { get; set; }

    /// <summary>
    /// JSON file that keeps the runs across restarts (created when missing); null keeps them in memory only. One
    /// sandbox per file: the bot puts it in its data folder, which only one bot process may use.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>Scenario of runs when none is queued.</summary>
    public Scenario DefaultScenario { get; set; } = Scenario.Success;

    /// <summary>A custom deployment protection rule on the environments; null (the default) = none.</summary>
    public SandboxProtectionRuleOptions? ProtectionRule { get; set; }

    /// <summary>Auth is checked when PATs or an App are configured.</summary>
    internal bool RequiresAuth => Tokens.Count > 0 || App is not null;
}
