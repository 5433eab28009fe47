using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Variables;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Posture;

/// <summary>Reads an environment's posture: the flags from GitHub at every scope (runbook §4.1), the open write window (§4.3), the last checklist (§4.2).</summary>
public sealed class PostureReader(PromotionPolicy policy, IPostureVariables variables, WriteWindowStore writeWindows, PostureChecklistStore checklists)
{
    /// <summary>The posture of <paramref name="environment"/>, which the policy must name; or the GitHub error that kept the flags unread.</summary>
    public async Task<GitHubResult<PostureView>> ReadAsync(EnvironmentPolicy environment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = await variables.ReadScopesAsync(environment.Name, policy.Posture.Flags.Select(f => f.Name).ToList(), cancellationToken);
        if (!read.Succeeded)
            return read.Error;

        // Every scope GitHub applies (environment over repository over organisation), and the value that wins for the deploy job.
        var scopes = policy.Posture.Flags
            .Select(f => read.Value.FirstOrDefault(v => v.Name == f.Name) ?? new VariableScopes(environment.Name, f.Name, null, null, null))
            .ToList();
        var flags = scopes.Select(s => s.Winning).ToList();
        var window = (await writeWindows.CurrentAsync(environment.Name, now, cancellationToken)).MaxBy(w => w.EndsAt);
        var checklist = environment.ReadOnlyPosture ? await checklists.LatestAsync(environment.Name, cancellationToken: cancellationToken) : null;
        return new PostureView(environment, flags, window, checklist) { Scopes = scopes };
    }
}
