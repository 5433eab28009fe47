namespace JobSheetQA.Rules.Parity.Pairing;

/// <summary>
/// What <see cref="ParityPairer"/> made of a report and its thresholds: each comparison, and, as plainly, what it
/// could not pair and what it could not read. Nothing here is a pass unless it was compared.
/// </summary>
/// <param name="Mode">By the policy.yaml mapping or by the default rules.</param>
/// <param name="Checks">Every comparison made, in thresholds (or mapping) order.</param>
/// <param name="Unpaired">Thresholds or mappings that could not be used, each with the reason.</param>
/// <param name="NotGated">Numbers in the report that no threshold names (dotted paths); informative only.</param>
/// <param name="Problems">Why a document could not be read at all (not JSON, not an object); empty when both were read.</param>
public sealed record ParityComparison(
    ParityPairingMode Mode,
    IReadOnlyList<ParityCheck> Checks,
    IReadOnlyList<string> Unpaired,
    IReadOnlyList<string> NotGated,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when at least one metric was compared with a threshold.</summary>
    public bool Compared => Checks.Count > 0;

    /// <summary>The checks that keep the gate closed (crossed, not a number, missing).</summary>
    public IReadOnlyList<ParityCheck> Violations => Checks.Where(c => c.IsViolation).ToList();

    /// <summary>Missing metrics the thresholds do not require: reported, never counted as passing.</summary>
    public IReadOnlyList<ParityCheck> MissingNotRequired => Checks.Where(c => c is { Outcome: ParityCheckOutcome.Missing, Required: false }).ToList();
}
