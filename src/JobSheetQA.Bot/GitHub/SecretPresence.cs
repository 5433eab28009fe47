using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.GitHub;

/// <summary>Which of the checked Actions secret names exist, by scope (runbook §5.3). Names only: values are never read.</summary>
/// <param name="Environment">The deployment environment whose secrets were checked.</param>
/// <param name="Checked">The names that were looked up.</param>
/// <param name="InRepository">Checked names that exist as repository secrets.</param>
/// <param name="InEnvironment">Checked names that exist as environment secrets of <paramref name="Environment"/>.</param>
public sealed record SecretPresence(
    string Environment,
    IReadOnlyList<string> Checked,
    IReadOnlySet<string> InRepository,
    IReadOnlySet<string> InEnvironment)
{
    public IReadOnlyList<string> Missing => Checked.Where(n => !InRepository.Contains(n) && !InEnvironment.Contains(n)).ToList();

    /// <summary>The policy fact: names visible to a promotion to the environment, either scope.</summary>
    public SecretInventory ToInventory() =>
        new(Environment, new HashSet<string>(InRepository.Concat(InEnvironment), StringComparer.Ordinal));
}
