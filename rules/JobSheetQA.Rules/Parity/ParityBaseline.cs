namespace JobSheetQA.Rules.Parity;

/// <summary>The baseline a parity report compared the candidate with.</summary>
/// <param name="Ref">A git ref, tag or golden-set version, e.g. <c>golden/2026-11</c>.</param>
/// <param name="CommitSha">The commit the baseline results came from, when there is one.</param>
/// <param name="Description">Free text for people.</param>
public sealed record ParityBaseline(string Ref, string? CommitSha = null, string? Description = null);
