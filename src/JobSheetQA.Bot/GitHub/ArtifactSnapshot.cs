namespace JobSheetQA.Bot.GitHub;

/// <summary>An artifact of a run.</summary>
public sealed record ArtifactSnapshot(long Id, string Name, long SizeInBytes, bool Expired, DateTimeOffset? ExpiresAt);
