using System.Text;
using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>The end of a failed job's log as chat shows it: up to the last error, bounded, redacted.</summary>
public sealed class JobLogTailTests
{
    [Fact]
    public void The_tail_ends_at_the_last_error_without_timestamps_or_runner_clean_up()
    {
        var log = """
            2026-12-03T05:00:00.0000000Z ##[group]Run ./compare.sh
            2026-12-03T05:00:00.1000000Z ##[endgroup]
            2026-12-03T05:00:01.0000000Z field_accuracy 0.91 below 0.95
            2026-12-03T05:00:01.1000000Z ##[error]Process completed with exit code 1.
            2026-12-03T05:00:02.0000000Z Post job cleanup.
            """;

        var tail = JobLogTail.FromText(log);

        Assert.Equal(["Run ./compare.sh", "field_accuracy 0.91 below 0.95", "Error: Process completed with exit code 1."], tail.Lines);
        Assert.False(tail.Truncated);
    }

    [Fact]
    public async Task A_long_log_is_read_to_its_end_but_only_its_last_lines_are_kept_and_each_is_capped()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
            text.Append("line ").Append(i).Append('\n');
        text.Append(new string('x', 1000)).Append('\n');

        var tail = await JobLogTail.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), 5, CancellationToken.None);

        Assert.True(tail.Truncated);
        Assert.Equal(["line 49996", "line 49997", "line 49998", "line 49999"], tail.Lines.Take(4));
        Assert.Equal(JobLogTail.MaxLineLength + 1, tail.Lines[^1].Length);
    }

    [Theory]
    [InlineData("push with ghp_0123456789abcdefghijABCDEFGHIJ", "push with ***")]
    [InlineData("Authorization: Bearer eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl", "Authorization: Bearer ***")]
    [InlineData("GEMINI_API_KEY=AIzaSyA0123456789abcdefghijklmnopqrstuv", "GEMINI_API_KEY=***")]
    [InlineData("password: hunter2hunter2", "password: ***")]
    [InlineData("curl https://bot:s3cr3t@example.com/x", "curl https://***@example.com/x")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----", "[private key material removed]")]
    [InlineData("field_accuracy 0.91 below 0.95", "field_accuracy 0.91 below 0.95")]
    public void Credentials_are_masked_and_ordinary_lines_kept(string line, string shown) =>
        Assert.Equal(shown, SecretRedactor.Redact(line));
}
