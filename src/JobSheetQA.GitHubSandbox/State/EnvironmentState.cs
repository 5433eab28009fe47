using System.Collections.Immutable;

namespace JobSheetQA.GitHubSandbox.State;

/// <summary>A deployment environment of the repository: its secret names and its variables.</summary>
public sealed record EnvironmentState
{
    public ImmutableSortedSet<string> Secrets { get; init; } = ImmutableSortedSet<string>.Empty;

    public ImmutableSortedDictionary<string, string> Variables { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
