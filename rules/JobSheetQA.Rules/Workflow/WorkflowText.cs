using System.Text.RegularExpressions;

namespace JobSheetQA.Rules.Workflow;

/// <summary>
/// The workflow file as lines, for the line-oriented checks of runbook §5.1 (which are <c>grep -n</c> commands).
/// Lines split on <c>\n</c> as grep does, so reported numbers are the ones an editor shows.
/// </summary>
internal sealed partial class WorkflowText
{
    private readonly string[] lines;

    private WorkflowText(string[] lines) => this.lines = lines;

    public static WorkflowText Of(string text) =>
        new(text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray());

    public int LineCount => lines.Length;

    /// <summary>The text of a 1-based line.</summary>
    public string this[int line] => lines[line - 1];

    /// <summary>1-based numbers of the lines in [first, last] that satisfy <paramref name="predicate"/>.</summary>
    public IEnumerable<int> LinesWhere(Func<string, bool> predicate, int first = 1, int last = int.MaxValue)
    {
        for (var line = Math.Max(first, 1); line <= Math.Min(last, lines.Length); line++)
        {
            if (predicate(lines[line - 1]))
            {
                yield return line;
            }
        }
    }

    /// <summary><c>|| true</c> with any spacing (<c>||true</c>, <c>||  true</c>), not <c>|| true_thing</c>.</summary>
    public static bool HasBypass(string text) => BypassPattern().IsMatch(text);

    /// <summary>A line that ends in <c>||</c> (or <c>|| \</c>), so the shell reads the next line as its right-hand side.</summary>
    public static bool EndsWithOr(string line) => DanglingOrPattern().IsMatch(line);

    public static bool StartsWithTrue(string line) => LeadingTruePattern().IsMatch(line);

    /// <summary>A YAML comment line, or a comment line inside a script: it documents, it does not check or read anything.</summary>
    public static bool IsCommentLine(string line) => line.TrimStart().StartsWith('#');

    /// <summary>Joins shell line continuations (<c>\</c> + newline) so a bypass written over several lines is seen whole.</summary>
    public static string JoinContinuations(string script) => ContinuationPattern().Replace(script, " ");

    [GeneratedRegex(@"\|\|\s*true(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex BypassPattern();

    [GeneratedRegex(@"\|\|\s*\\?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingOrPattern();

    [GeneratedRegex(@"^\s*true(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTruePattern();

    [GeneratedRegex(@"\\\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex ContinuationPattern();
}
