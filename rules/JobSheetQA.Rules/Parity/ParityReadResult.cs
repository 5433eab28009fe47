using System.Diagnostics.CodeAnalysis;

namespace JobSheetQA.Rules.Parity;

/// <summary>Either a value read from a parity document, or every error that stopped it being read. Never both.</summary>
public sealed class ParityReadResult<T>
    where T : class
{
    private ParityReadResult(T? value, IReadOnlyList<ParityReadError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value; null when <see cref="Errors"/> is not empty.</summary>
    public T? Value { get; }

    /// <summary>What was wrong, in document order; empty on success.</summary>
    public IReadOnlyList<ParityReadError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    public static ParityReadResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ParityReadResult<T>(value, []);
    }

    public static ParityReadResult<T> Failure(IReadOnlyList<ParityReadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new ParityReadResult<T>(null, errors);
    }

    /// <summary>All errors, one a line, for logs and chat.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
