using System.Diagnostics;
using System.Net;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>
/// What one surface answered over a fuzz run: a count per status, and every case that broke a rule (a 5xx that is not
/// the protocol's own 501, or no answer in time), with the seed, case number and mutations that reproduce it.
/// </summary>
public sealed class FuzzTally(string surface)
{
    private readonly SortedDictionary<int, int> statuses = [];
    private readonly List<string> failures = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public int Cases { get; private set; }

    public IReadOnlyList<string> Failures => failures;

    public void Add(int caseNumber, HttpStatusCode? status, bool allowNotImplemented, string mutations)
    {
        Cases++;
        var code = status is null ? 0 : (int)status;
        statuses[code] = statuses.GetValueOrDefault(code) + 1;
        if (status is null)
            Fail(caseNumber, "no answer in time", mutations);
        else if (code >= 500 && !(code == 501 && allowNotImplemented))
            Fail(caseNumber, $"HTTP {code}", mutations);
    }

    public void Fail(int caseNumber, string what, string mutations)
    {
        if (failures.Count < 20)
            failures.Add($"seed {FuzzSettings.Seed} case {caseNumber}: {what} ({mutations})");
    }

    /// <summary>One line for the test output, e.g. <c>teams: 1500 cases in 9.1 s; 200×700, 400×780, 501×20</c>.</summary>
    public override string ToString() =>
        $"{surface}: {Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s; "
        + string.Join(", ", statuses.Select(s => $"{(s.Key == 0 ? "timeout" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}×{s.Value}"));
}
