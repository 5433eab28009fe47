using System.Diagnostics.CodeAnalysis;

namespace JobSheetQA.Bot.GitHub;

/// <summary>Either a value or a <see cref="GitHubError"/>. Gateway calls return this instead of throwing
/// for anything a user can act on (conventions: errors users can act on are results).</summary>
public sealed class GitHubResult<T>
{
    private readonly T? value;

    private GitHubResult(T? value, GitHubError? error)
    {
        this.value = value;
        Error = error;
    }

    /// <summary>The failure; null when the call succeeded.</summary>
    public GitHubError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The value. Reading it from a failed result is a bug, so it throws.</summary>
    public T Value => Succeeded
        ? value!
        : throw new InvalidOperationException($"The GitHub call failed ({Error.Kind}): {Error.Message}");

    public static GitHubResult<T> Success(T value) => new(value, null);

    public static GitHubResult<T> Failure(GitHubError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator GitHubResult<T>(GitHubError error) => Failure(error);

    public static implicit operator GitHubResult<T>(T value) => Success(value);

    public GitHubResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        Succeeded ? GitHubResult<TOut>.Success(map(value!)) : GitHubResult<TOut>.Failure(Error);

    public override string ToString() => Succeeded ? $"Success({value})" : $"Failure({Error.Kind}: {Error.Message})";
}
