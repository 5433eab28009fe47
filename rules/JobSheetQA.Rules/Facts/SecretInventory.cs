namespace JobSheetQA.Rules.Facts;

/// <summary>The names of the Actions secrets visible to a promotion to <paramref name="Environment"/>
/// (repository and environment scope together). Names only: values are never read (runbook §5.3).</summary>
public sealed record SecretInventory(string Environment, IReadOnlySet<string> Names)
{
    public bool Has(string name) => Names.Contains(name);
}
