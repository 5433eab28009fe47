using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Transcripts.Support;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>
/// Issue #14: <c>promote staging from ../../../../etc/passwd</c> once made the bot GET <c>/api/v3/etc/passwd</c> with its
/// token. A ref git would refuse is refused in the chat flow, in words, before anything is recorded or any request
/// leaves; the sandbox's request log proves none did.
/// </summary>
public sealed class InvalidRefTranscripts : TranscriptTest
{
    public static TheoryData<string, string> InvalidRefs => new()
    {
        { "../../../../etc/passwd", "it contains '..'" },
        { "%2e%2e/%2e%2e/etc/passwd", "percent-decoded, it contains '..'" },
        { "main@{1}", "it contains '@{'" },
        { "my%20branch", "percent-decoded, it contains a space" },
        { "main\u0001x", "it contains a control character" },
        { "-main", "it starts with '-'" },
        { "/main", "it starts with '/'" },
    };

    [Theory]
    [MemberData(nameof(InvalidRefs))]
    public async Task A_ref_git_would_refuse_is_called_invalid_and_nothing_is_recorded_or_sent(string typed, string why)
    {
        var before = await GitHub.RequestsAsync();

        var promote = await Chat.SayAsync("dana", $"promote staging from {typed}");
        var dryRun = await Chat.SayAsync("dana", $"promote staging from {typed} --dry-run");
        var explain = await Chat.SayAsync("dana", $"why staging from {typed}");

        foreach (var answer in new[] { promote, dryRun, explain })
        {
            Assert.StartsWith("**Invalid ref**: `", answer, StringComparison.Ordinal);
            Assert.Contains($"is not a valid git branch or ref name: {why}.", answer, StringComparison.Ordinal);
            Assert.EndsWith("Nothing was recorded or dispatched.", answer, StringComparison.Ordinal);
            Assert.DoesNotContain(answer, c => char.IsControl(c) && c != '\n');
        }

        Assert.Equal(before, await GitHub.RequestsAsync());
        Assert.Empty(await Chat.Get<PromotionStore>().RecentAsync("staging", 10));
        Assert.Empty(await GitHub.RunsAsync());
        Assert.DoesNotContain(await Chat.Get<AuditLog>().ReadAsync(), e => e.Action.StartsWith("promotion.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("release/1.2")]
    [InlineData("feature/deep/x")]
    public async Task A_branch_with_slashes_is_a_valid_ref_and_is_judged(string branch)
    {
        await GitHub.SetBranchHeadAsync(branch, await GitHub.BranchHeadAsync());

        var answer = await Chat.SayAsync("dana", $"promote staging from {branch} --dry-run");

        Assert.DoesNotContain("Invalid ref", answer, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was dispatched.", answer, StringComparison.Ordinal);
        Assert.Contains(await GitHub.RequestsAsync(), r => r.Contains("/branches/" + branch, StringComparison.Ordinal));
    }
}
