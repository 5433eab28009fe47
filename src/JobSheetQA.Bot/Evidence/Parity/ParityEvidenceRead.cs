namespace JobSheetQA.Bot.Evidence.Parity;

/// <summary>The evidence, and whether reading again later may find more (the artifact not listed yet, GitHub unavailable).</summary>
public sealed record ParityEvidenceRead(ParityEvidence Evidence, bool WorthRetrying);
