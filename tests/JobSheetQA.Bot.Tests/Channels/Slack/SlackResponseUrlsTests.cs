using JobSheetQA.Bot.Channels.Slack;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>docs/protocol-conformance.md C2.17: a response_url is used only under Slack:ResponseUrlRoots (Slack's by default).</summary>
public sealed class SlackResponseUrlsTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/commands/T0TEAM01/1234/abcd")]
    [InlineData("https://hooks.slack.com/actions/T0TEAM01/1234/abcd")]
    [InlineData("https://HOOKS.slack.com/actions/T0TEAM01/1234/abcd")]
    public void Slacks_own_response_urls_are_accepted(string url) => Assert.NotNull(SlackResponseUrls.Slack.Accept(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hooks.slack.com/commands/1")]
    [InlineData("http://hooks.slack.com/commands/1")]
    [InlineData("https://hooks.slack.com:8443/commands/1")]
    [InlineData("https://hooks.slack.com.evil.example/commands/1")]
    [InlineData("https://user:pw@hooks.slack.com/commands/1")]
    [InlineData("https://evil.example/?https://hooks.slack.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("gopher://hooks.slack.com/_x")]
    public void Anything_else_is_refused(string? url) => Assert.Null(SlackResponseUrls.Slack.Accept(url));

    [Fact]
    public void Configured_roots_replace_slacks_and_match_by_scheme_host_port_and_path_prefix()
    {
        var urls = SlackResponseUrls.From(new SlackOptions { ResponseUrlRoots = ["http://127.0.0.1:5005/respond/"] });

        Assert.NotNull(urls.Accept("http://127.0.0.1:5005/respond/abc"));
        Assert.Null(urls.Accept("http://127.0.0.1:5005/api/chat.postMessage"));
        Assert.Null(urls.Accept("http://127.0.0.1:5006/respond/abc"));
        Assert.Null(urls.Accept("https://hooks.slack.com/commands/1"));
    }
}
