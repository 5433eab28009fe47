namespace JobSheetQA.Bot.Promotions.Reports;

/// <summary>
/// The parity violations behind a failed Parity Gate, read from the run's artifact only when a report needs them, and
/// at most once per report: a promotion whose notices were all posted costs GitHub nothing.
/// </summary>
/// <param name="read">Reads the artifact and judges it against the thresholds.</param>
/// <param name="lastChance">True once waiting longer cannot help: what was read is final, even a failure worth retrying.</param>
public sealed class ParityFindingsOnce(Func<CancellationToken, Task<ParityFindings>> read, bool lastChance)
{
    private ParityFindings? findings;

    /// <summary>For a promotion whose Parity Gate did not fail: nothing to read.</summary>
    public static ParityFindingsOnce None { get; } = new(_ => Task.FromResult(ParityFindings.Nothing), lastChance: true);

    /// <summary>
    /// True when the findings were read and the report was not available yet (not uploaded or listed, GitHub down) while
    /// a later poll may still find it: a notice made now says so, and the report follows when it appears.
    /// </summary>
    public bool ReportPending => findings is { WorthRetrying: true } && !lastChance;

    /// <summary>The findings, even when reading again later may do better (<see cref="ReportPending"/>).</summary>
    public async Task<ParityFindings> ReadAsync(CancellationToken cancellationToken) => findings ??= await read(cancellationToken);

    /// <summary>The findings; null when reading again later may do better (the artifact not listed yet, GitHub down).</summary>
    public async Task<ParityFindings?> GetAsync(CancellationToken cancellationToken)
    {
        var read = await ReadAsync(cancellationToken);
        return ReportPending ? null : read;
    }
}
