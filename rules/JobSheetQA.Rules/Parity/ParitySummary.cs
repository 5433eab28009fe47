namespace JobSheetQA.Rules.Parity;

/// <summary>Document counts of a parity run. The reader checks documents = compared + errors and compared = matched + mismatched.</summary>
/// <param name="Documents">Job sheets in the suite.</param>
/// <param name="Compared">Job sheets whose candidate result could be compared with the baseline.</param>
/// <param name="Matched">Compared job sheets whose every field matched.</param>
/// <param name="Mismatched">Compared job sheets with at least one differing field.</param>
/// <param name="Errors">Job sheets the candidate failed to process.</param>
public sealed record ParitySummary(int Documents, int Compared, int Matched, int Mismatched, int Errors);
