namespace JobSheetQA.Rules.Tests.Policy;

/// <summary>A small valid policy for tests to break one piece at a time, and helpers to find where a piece sits.</summary>
internal static class PolicyText
{
    public const string Source = "test/policy.yaml";

    public const string Valid = """
        version: 1
        branch: main
        workflow: .github/workflows/promotion.yml
        environments:
          - name: staging
            allow_parity_skip: true
            read_only_posture: false
            requesters: ["*"]
          - name: production
            allow_parity_skip: false
            read_only_posture: true
            requesters:
              - teams:00000000-0000-0000-0000-000000000002
              - teams:00000000-0000-0000-0000-000000000001
              - slack:U012ABCDEF
        acknowledgement:
          phrase: I_ACCEPT_PARITY_SKIP
          expires_after: 5m
        secrets:
          required:
            - MISTRAL_API_KEY
            - GEMINI_API_KEY
        posture:
          flags:
            - name: ENABLE_PURGE_EXECUTION
              purpose: Prevents data deletion
            - name: ENABLE_SCHEDULER
              purpose: Prevents automated jobs
        write_windows:
          min_duration: 15m
          max_duration: 4h
          reminder_before_end: 10m
          change_request_pattern: '^CR-[0-9]+$'
        nightly_parity:
          workflow: nightly-parity.yml
          artifact: promotion-parity-report
          max_age: 26h
        gates:
          validate_request: Validate Request
          ci_gate: CI Gate
          policy_gate: Policy Gate
          rehearsal_gate: Rehearsal Gate
          parity_gate: Parity Gate
          deploy: Deploy

        """;

    /// <summary>The valid policy with one exact line replaced (the line must exist exactly once).</summary>
    public static string Replace(string line, string replacement) => Replace(Valid, line, replacement);

    public static string Replace(string yaml, string line, string replacement)
    {
        var lines = yaml.Split('\n').ToList();
        var index = lines.FindIndex(l => l == line);
        Assert.True(index >= 0, $"test setup: line '{line}' not found");
        Assert.Equal(index, lines.FindLastIndex(l => l == line));
        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>The valid policy without the given line.</summary>
    public static string Without(string line) => Replace(line, "\u0000").Replace("\u0000\n", "", StringComparison.Ordinal);

    /// <summary>1-based line and column of the only occurrence of <paramref name="text"/>.</summary>
    public static (int Line, int Column) Locate(string yaml, string text)
    {
        var hits = LocateAll(yaml, text);
        Assert.True(hits.Count == 1, $"test setup: '{text}' occurs {hits.Count} times");
        return hits[0];
    }

    /// <summary>1-based line and column of every line holding <paramref name="text"/>.</summary>
    public static IReadOnlyList<(int Line, int Column)> LocateAll(string yaml, string text) =>
        yaml.Split('\n')
            .Select((l, i) => (Line: i + 1, Column: l.IndexOf(text, StringComparison.Ordinal) + 1))
            .Where(hit => hit.Column > 0)
            .ToList();
}
