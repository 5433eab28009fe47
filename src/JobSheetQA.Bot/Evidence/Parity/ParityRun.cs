namespace JobSheetQA.Bot.Evidence.Parity;

/// <summary>A workflow run whose parity report is to be read.</summary>
/// <param name="RunId">The run.</param>
/// <param name="RunUrl">Its page on GitHub, when known.</param>
/// <param name="CommitSha">The commit it built: its thresholds file is read at this commit, as the Parity Gate read it.</param>
public sealed record ParityRun(long RunId, string? RunUrl, string CommitSha);
