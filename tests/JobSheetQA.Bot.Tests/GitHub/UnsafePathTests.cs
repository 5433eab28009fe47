using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>
/// Issue #14: <c>promote staging from ../../../../etc/passwd</c> made the bot GET <c>/api/v3/etc/passwd</c> with its
/// token. The gateway refuses any ref git itself would refuse (and anything that could step into another API path) before
/// a request is built, and escapes what it sends one path segment at a time; the sandbox's request log proves no request
/// left.
/// </summary>
public sealed class UnsafePathTests
{
    private const string Sha = "1234567890abcdef1234567890abcdef12345678";

    public static TheoryData<string> UnsafeRefs => new()
    {
        "../../etc/passwd",
        "../../../../etc/passwd",
        "%2e%2e/%2e%2e/etc/passwd",
        "%252e%252e/etc/passwd",
        "main/..",
        "main@{1}",
        "a b",
        "a\u0001b",
        "a\u007fb",
        "-x",
        "/x",
        "x/",
        "a//b",
        "main.lock",
        ".hidden",
        "main.",
        "a~1",
        "a^b",
        "a:b",
        "a?b=c",
        "a*",
        "a[b",
        "a\\b",
        "@",
    };

    [Theory]
    [MemberData(nameof(UnsafeRefs))]
    public async Task An_unsafe_ref_is_refused_by_every_method_that_takes_one_and_nothing_is_sent(string unsafeRef)
    {
        await using var h = await GatewayHarness.StartAsync();

        var head = await h.Facts.GetBranchHeadAsync(unsafeRef);
        var file = await h.Facts.GetFileAsync(".github/workflows/promotion.yml", unsafeRef);
        var dispatch = await h.Dispatcher.DispatchAsync(new PromotionDispatch("k7m2q9xa", "staging", unsafeRef, false, false, null));
        var search = await h.Dispatcher.FindRunByCorrelationIdAsync("k7m2q9xa", unsafeRef, DateTimeOffset.UtcNow.AddMinutes(-5));
        var nightly = await h.Facts.GetLatestNightlyParityAsync(new("nightly-parity.yml", "promotion-parity-report", TimeSpan.FromHours(26)), unsafeRef);

        foreach (var error in new[] { head.Error, file.Error, dispatch.Error, search.Error, nightly.Error })
        {
            Assert.Equal(GitHubErrorKind.Validation, error?.Kind);
            Assert.Null(error!.StatusCode);
            Assert.Contains("nothing was sent to GitHub", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(error.Message, c => char.IsControl(c));
        }

        Assert.Empty(h.Requests);
        Assert.Empty(h.Control.ListRuns());
        Assert.Contains(h.Logs.Lines, l => l.Contains("refused before sending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_ref_says_why_in_the_words_of_git()
    {
        await using var h = await GatewayHarness.StartAsync();

        var dots = await h.Facts.GetBranchHeadAsync("../../etc/passwd");
        var encoded = await h.Facts.GetBranchHeadAsync("%2e%2e/%2e%2e/etc/passwd");
        var control = await h.Facts.GetBranchHeadAsync("a\u0001b");

        Assert.Equal("Branch '../../etc/passwd' is not a valid git ref name (it contains '..'); nothing was sent to GitHub.", dots.Error!.Message);
        Assert.Contains("percent-decoded, it contains '..'", encoded.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("'a\\u0001b'", control.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("release/1.2")]
    [InlineData("feature/deep/x")]
    [InlineData("hotfix/#12+a")]
    [InlineData("v1.0")]
    public async Task A_branch_with_slashes_or_odd_characters_still_reads_its_head(string branch)
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.SetBranchHead(branch, Sha);

        var head = await h.Facts.GetBranchHeadAsync(branch);
        var file = await h.Facts.GetFileAsync(".github/workflows/promotion.yml", branch);

        Assert.True(head.Succeeded, head.Error?.Message);
        Assert.Equal(Sha, head.Value.Sha);
        Assert.True(file.Succeeded, file.Error?.Message);
        Assert.True(file.Value.Found);
        // GET /repos/{o}/{r}/branches/{branch}: slashes stay separators and each part arrives whole ('#' escaped, not a
        // fragment; the log shows the path as the server decoded it); the contents ref is an escaped query parameter.
        Assert.Single(h.RequestsTo("GET", h.RepoPath($"/branches/{branch}")), r => !r.Path.Contains('?', StringComparison.Ordinal));
        Assert.Single(h.RequestsTo("GET", h.RepoPath($"/contents/.github/workflows/promotion.yml?ref={Uri.EscapeDataString(branch)}")));
        Assert.All(h.Requests, r => Assert.StartsWith($"/api/v3/repos/{h.Owner}/{h.Repo}/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dispatch_from_a_branch_with_a_slash_is_sent()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.SetBranchHead("release/1.2", Sha);

        var run = await h.Dispatcher.DispatchAsync(new PromotionDispatch("r3l34s3x", "staging", "release/1.2", false, false, null));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal("release/1.2", h.Control.GetRun(run.Value.RunId)!.Ref);
    }

    [Fact]
    public async Task File_paths_are_escaped_part_by_part_and_cannot_climb_out_of_contents()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.SetFile("docs/release notes #1.md", "notes");

        var spaced = await h.Facts.GetFileAsync("docs/release notes #1.md", "main");
        var climbing = await h.Facts.GetFileAsync("../../../etc/passwd", "main");
        var encoded = await h.Facts.GetFileAsync("docs/%2e%2e/%2e%2e/x", "main");
        var rooted = await h.Facts.GetFileAsync("/etc/passwd", "main");

        Assert.Equal("notes", spaced.Value.Text);
        Assert.Single(h.RequestsTo("GET", h.RepoPath("/contents/docs/release notes #1.md?ref=main")));
        foreach (var refused in new[] { climbing, encoded, rooted })
            Assert.Equal(GitHubErrorKind.Validation, refused.Error?.Kind);
        Assert.Single(h.Requests);
    }

    [Theory]
    [InlineData("..", "MISTRAL_API_KEY")]
    [InlineData(".", "MISTRAL_API_KEY")]
    [InlineData("production/../staging", "MISTRAL_API_KEY")]
    [InlineData("production", "../../../../user")]
    [InlineData("production", "%2e%2e")]
    [InlineData("production", "A\nB")]
    public async Task Environment_secret_and_variable_names_that_are_not_one_segment_are_refused(string environment, string name)
    {
        await using var h = await GatewayHarness.StartAsync();

        var secrets = await h.Facts.GetSecretPresenceAsync(environment, ["GEMINI_API_KEY", name]);
        var variables = await h.Facts.GetEnvironmentVariablesAsync(environment, ["ENABLE_SCHEDULER", name]);

        Assert.Equal(GitHubErrorKind.Validation, secrets.Error?.Kind);
        Assert.Equal(GitHubErrorKind.Validation, variables.Error?.Kind);
        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task A_nightly_workflow_name_that_is_a_path_is_refused()
    {
        await using var h = await GatewayHarness.StartAsync();

        var nightly = await h.Facts.GetLatestNightlyParityAsync(new("../../../user", "promotion-parity-report", TimeSpan.FromHours(26)), "main");

        Assert.Equal(GitHubErrorKind.Validation, nightly.Error?.Kind);
        Assert.Empty(h.Requests);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("refs/heads/main")]
    [InlineData("release/1.2")]
    [InlineData("9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4")]
    [InlineData("feat#1")]
    [InlineData("100%")]
    public void Refs_git_accepts_pass_the_guard(string gitRef) => Assert.Null(GitHubPaths.RefProblem(gitRef));
}
