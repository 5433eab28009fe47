namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>
/// The checks of the Validate Request job, applied to the dispatch's ref and inputs exactly as the reference
/// workflow does (runbook §2.3, §2.4, §5.4, §5.5).
/// </summary>
internal static class RequestValidation
{
    public const string AcknowledgementPhrase = "I_ACCEPT_PARITY_SKIP";
    public const string ProductionSkipMessage = "Cannot skip parity for production";
    public const string MissingAcknowledgementMessage = "Missing skip acknowledgement";

    /// <summary>The failure message, or null when the request is valid.</summary>
    public static string? Check(string fullRef, IReadOnlyDictionary<string, string> inputs)
    {
        // §2.3: promotions come from main only.
        if (fullRef != "refs/heads/main")
        {
            return $"Promotion must run from refs/heads/main, not {fullRef}";
        }

        var skip = IsTrue(inputs, "skip_parity");
        // §5.5: a production parity skip is impossible, acknowledgement or not.
        if (skip && Get(inputs, "target_environment") == "production")
        {
            return ProductionSkipMessage;
        }

        // §2.4/§5.4: exact, case-sensitive phrase, no extra spaces.
        if (skip && Get(inputs, "skip_parity_acknowledgement") != AcknowledgementPhrase)
        {
            return MissingAcknowledgementMessage;
        }

        return null;
    }

    /// <summary>The Parity Gate is skipped (the workflow's <c>if: !inputs.skip_parity</c>).</summary>
    public static bool SkipsParity(IReadOnlyDictionary<string, string> inputs) => IsTrue(inputs, "skip_parity");

    private static bool IsTrue(IReadOnlyDictionary<string, string> inputs, string name) =>
        string.Equals(Get(inputs, name), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Get(IReadOnlyDictionary<string, string> inputs, string name) =>
        inputs.TryGetValue(name, out var value) ? value : null;
}
