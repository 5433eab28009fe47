using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.GitHub;

/// <summary>The facts the policy needs from the application repository. Every answer is a <see cref="GitHubResult{T}"/>.</summary>
public interface IRepositoryFacts
{
    /// <summary>The commit <paramref name="branch"/> points at.</summary>
    Task<GitHubResult<BranchHead>> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>The commit <paramref name="branch"/> pointed at a moment ago (up to <c>GitHub:FactsFreshness</c>, forgotten on
    /// a webhook delivery): for answers that dispatch nothing, such as dry runs. Without a cache, the same as
    /// <see cref="GetBranchHeadAsync"/>.</summary>
    Task<GitHubResult<BranchHead>> GetRecentBranchHeadAsync(string branch, CancellationToken cancellationToken = default) =>
        GetBranchHeadAsync(branch, cancellationToken);

    /// <summary>A file at a ref, e.g. <c>.github/workflows/promotion.yml</c> or <c>parity/config/thresholds.json</c>;
    /// a missing file is a successful result with <see cref="RepositoryFile.Found"/> false.</summary>
    Task<GitHubResult<RepositoryFile>> GetFileAsync(string path, string @ref, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="names"/> exist as repository or <paramref name="environment"/> secrets (runbook §5.3).</summary>
    Task<GitHubResult<SecretPresence>> GetSecretPresenceAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);

    /// <summary><see cref="GetSecretPresenceAsync"/> as read a moment ago, for answers that dispatch nothing (dry runs).</summary>
    Task<GitHubResult<SecretPresence>> GetRecentSecretPresenceAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        GetSecretPresenceAsync(environment, names, cancellationToken);

    /// <summary>The environment's variables <paramref name="names"/> (e.g. <c>ENABLE_PURGE_EXECUTION</c>, runbook §4.1);
    /// an unset variable comes back with a null value.</summary>
    Task<GitHubResult<IReadOnlyList<PostureFlag>>> GetEnvironmentVariablesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);

    /// <summary><see cref="GetEnvironmentVariablesAsync"/> as read a moment ago, for answers that dispatch nothing (dry
    /// runs): no webhook announces a changed variable, so a decision that can dispatch always reads them afresh.</summary>
    Task<GitHubResult<IReadOnlyList<PostureFlag>>> GetRecentEnvironmentVariablesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        GetEnvironmentVariablesAsync(environment, names, cancellationToken);

    /// <summary>The newest successful run of the nightly parity workflow and its report (runbook §2.1);
    /// null when the workflow has no successful run (on <paramref name="branch"/>, when given).</summary>
    Task<GitHubResult<NightlyParityReport?>> GetLatestNightlyParityAsync(NightlyParityPolicy nightly, string? branch, CancellationToken cancellationToken = default);
}
