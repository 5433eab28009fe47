using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Posture;

/// <summary>Reads an environment's posture: the flags from GitHub (runbook §4.1), the open write window (§4.3), the last checklist (§4.2).</summary>
public sealed class PostureReader(PromotionPolicy policy, IRepositoryFacts github, WriteWindowStore writeWindows, PostureChecklistStore checklists)
{
    /// <summary>The posture of <paramref name="environment"/>, which the policy must name; or the GitHub error that kept the flags unread.</summary>
    public async Task<GitHubResult<PostureView>> ReadAsync(EnvironmentPolicy environment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = await github.GetEnvironmentVariablesAsync(environment.Name, policy.Posture.Flags.Select(f => f.Name).ToList(), cancellationToken);
        if (!read.Succeeded)
            return read.Error;

        var flags = policy.Posture.Flags
            .Select(f => read.Value.FirstOrDefault(v => v.Name == f.Name) ?? new PostureFlag(environment.Name, f.Name, null))
            .ToList();
        var window = (await writeWindows.CurrentAsync(environment.Name, now, cancellationToken)).MaxBy(w => w.EndsAt);
        var checklist = environment.ReadOnlyPosture ? await checklists.LatestAsync(environment.Name, cancellationToken) : null;
        return new PostureView(environment, flags, window, checklist);
    }
}
