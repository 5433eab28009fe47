namespace JobSheetQA.Rules.Parity.Pairing;

/// <summary>How the metrics of a report were paired with thresholds.</summary>
public enum ParityPairingMode
{
    /// <summary>By policy.yaml's <c>parity:</c> mapping: only the metrics it names.</summary>
    Mapping,

    /// <summary>By the documented default: the thresholds file's entries matched with the report's numbers by name and path.</summary>
    Default,
}
