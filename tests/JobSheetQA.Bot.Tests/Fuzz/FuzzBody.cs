namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>One hostile variant of a valid request body, and the mutations that made it (for the failure message).</summary>
public sealed record FuzzBody(byte[] Bytes, string Mutations);
