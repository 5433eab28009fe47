namespace JobSheetQA.Rules.Parity;

/// <summary>Which parity suite produced a report.</summary>
public sealed record ParitySuite(string Name, string? Version = null);
