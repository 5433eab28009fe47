namespace JobSheetQA.Rules.Parity;

/// <summary>Why a document appears in a parity report's failures (serialised snake_case).</summary>
public enum ParityFailureKind
{
    /// <summary>An extracted field differs from the baseline.</summary>
    FieldMismatch,

    /// <summary>The AI validation verdict differs from the baseline's.</summary>
    ValidationDisagreement,

    /// <summary>The candidate could not process the document.</summary>
    Error,
}
