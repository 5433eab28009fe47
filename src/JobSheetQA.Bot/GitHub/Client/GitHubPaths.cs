using System.Text;

namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>
/// Every value the gateway puts into a REST path goes through here: refs are checked against git's own ref-name rules
/// (https://git-scm.com/docs/git-check-ref-format) and anything that could step into another API path (<c>..</c>, a
/// leading <c>/</c>, percent-encoded dots, control characters) is refused before a request is built; what passes is
/// escaped one path segment at a time. Defence in depth: the chat flow validates refs first and words the refusal.
/// </summary>
internal static class GitHubPaths
{
    /// <summary>Percent-decoding rounds checked: a value decoded twice by a lenient proxy must still be harmless.</summary>
    private const int DecodingRounds = 3;

    /// <summary>Why <paramref name="value"/> is not a ref name git would accept, or null when it is one. The value and each
    /// of its percent-decoded forms must pass, so <c>%2e%2e</c> is refused like <c>..</c>.</summary>
    public static string? RefProblem(string value) => FirstProblem(value, RefNameProblem);

    /// <summary>Why <paramref name="value"/> cannot be one path segment (a secret, variable, environment or workflow file
    /// name), or null.</summary>
    public static string? SegmentProblem(string value) => FirstProblem(value, SingleSegmentProblem);

    /// <summary>Why <paramref name="path"/> is not a relative repository file path (<c>parity/config/thresholds.json</c>), or null.</summary>
    public static string? FilePathProblem(string path) => FirstProblem(path, RelativePathProblem);

    /// <summary>One path segment, escaped (<c>/</c> included). Check it with <see cref="SegmentProblem"/> first.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A slash-separated value (a branch such as <c>release/1.2</c>, a file path), escaped segment by segment so
    /// its slashes stay separators, as GitHub reads <c>branches/{branch}</c> and <c>contents/{path}</c>. Check it first.</summary>
    public static string Segments(string value) => string.Join('/', value.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The value as it may appear in a message or a log line: control characters written as <c>\uXXXX</c>.</summary>
    public static string Printable(string value)
    {
        if (!value.Any(char.IsControl))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.ToString();
    }

    private static string? FirstProblem(string value, Func<string, string?> check)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        var current = value;
        for (var round = 0; round <= DecodingRounds; round++)
        {
            if (check(current) is { } problem)
            {
                return round == 0 ? problem : $"percent-decoded, {problem}";
            }

            var decoded = Uri.UnescapeDataString(current);
            if (decoded == current)
            {
                return null;
            }

            current = decoded;
        }

        return "it is percent-encoded more times than any name needs";
    }

    private static string? RefNameProblem(string value)
    {
        if (value.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        if (value.Contains(' ', StringComparison.Ordinal))
        {
            return "it contains a space";
        }

        if (value.Contains("..", StringComparison.Ordinal))
        {
            return "it contains '..'";
        }

        if (value.Contains("@{", StringComparison.Ordinal))
        {
            return "it contains '@{'";
        }

        if (value == "@")
        {
            return "it is '@'";
        }

        if (value.StartsWith('-'))
        {
            return "it starts with '-'";
        }

        if (value.StartsWith('/'))
        {
            return "it starts with '/'";
        }

        if (value.EndsWith('/'))
        {
            return "it ends with '/'";
        }

        if (value.Contains("//", StringComparison.Ordinal))
        {
            return "it contains '//'";
        }

        if (value.EndsWith('.'))
        {
            return "it ends with '.'";
        }

        if (value.IndexOfAny(['~', '^', ':', '?', '*', '[', '\\']) is var at and >= 0)
        {
            return $"it contains '{value[at]}'";
        }

        foreach (var component in value.Split('/'))
        {
            if (component.StartsWith('.'))
            {
                return $"its part '{component}' starts with '.'";
            }

            if (component.EndsWith(".lock", StringComparison.Ordinal))
            {
                return $"its part '{component}' ends with '.lock'";
            }
        }

        return null;
    }

    private static string? SingleSegmentProblem(string value)
    {
        if (value.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        if (value.IndexOfAny(['/', '\\']) is var at and >= 0)
        {
            return $"it contains '{value[at]}'";
        }

        return value is "." or ".." ? $"it is '{value}'" : null;
    }

    private static string? RelativePathProblem(string path)
    {
        if (path.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains '\\'";
        }

        if (path.StartsWith('/'))
        {
            return "it starts with '/'";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty part ('//' or a trailing '/')";
            }

            if (segment is "." or "..")
            {
                return $"it has a '{segment}' part";
            }
        }

        return null;
    }
}
