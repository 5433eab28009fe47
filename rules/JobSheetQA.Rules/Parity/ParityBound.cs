namespace JobSheetQA.Rules.Parity;

/// <summary>Which side of a threshold a metric crossed.</summary>
public enum ParityBound
{
    /// <summary>The metric must be at least the threshold.</summary>
    Min,

    /// <summary>The metric must be at most the threshold.</summary>
    Max,
}
