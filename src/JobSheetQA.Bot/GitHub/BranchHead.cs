namespace JobSheetQA.Bot.GitHub;

/// <summary>The commit a branch points at (runbook §6.1 "Current HEAD SHA").</summary>
public sealed record BranchHead(string Branch, string Sha);
