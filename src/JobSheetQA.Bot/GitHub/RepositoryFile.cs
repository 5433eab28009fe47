namespace JobSheetQA.Bot.GitHub;

/// <summary>A file read at a ref. A missing file is a normal answer (<see cref="Found"/> false), not an error.</summary>
/// <param name="Path">Repository path, e.g. <c>.github/workflows/promotion.yml</c>.</param>
/// <param name="Ref">The ref it was read from.</param>
/// <param name="Found">False when the path does not exist on that ref (or is a directory).</param>
/// <param name="Text">The decoded UTF-8 content; null when not found.</param>
/// <param name="BlobSha">The blob sha; null when not found.</param>
public sealed record RepositoryFile(string Path, string Ref, bool Found, string? Text, string? BlobSha)
{
    public static RepositoryFile Missing(string path, string @ref) => new(path, @ref, false, null, null);
}
