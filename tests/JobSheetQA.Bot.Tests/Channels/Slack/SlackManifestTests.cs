using System.Net;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using JobSheetQA.Bot.Tests.GitHubSandbox;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>The shipped app manifest (docs/slack/manifest.yml) points at endpoints that exist and asks for what the bot uses.</summary>
public sealed class SlackManifestTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private static YamlMappingNode Manifest()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(RepositoryFile.ReadText("docs/slack/manifest.yml")));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static IEnumerable<string> Items(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!);

    [Fact]
    public async Task Every_request_url_in_the_manifest_is_an_endpoint_the_bot_serves()
    {
        var manifest = Manifest();
        var urls = new[]
        {
            ((YamlScalarNode)At(manifest, "settings", "event_subscriptions", "request_url")).Value!,
            ((YamlScalarNode)At(manifest, "settings", "interactivity", "request_url")).Value!,
            ((YamlScalarNode)At(((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children[0], "url")).Value!,
        };

        foreach (var url in urls)
        {
            // Unsigned: an endpoint that exists refuses it (401); one that does not would be 404.
            var response = await fixture.Slack.PostSignedAsync(new Uri(url).AbsolutePath, "{}"u8.ToArray(), "application/json",
                tweak: r => r.Headers.Remove("X-Slack-Signature"));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public void The_manifest_has_the_promote_command_the_events_and_the_scopes_the_bot_uses()
    {
        var manifest = Manifest();

        Assert.Equal("/promote", ((YamlScalarNode)At(((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children[0], "command")).Value);
        Assert.Equal(["app_mention", "message.im"], Items(At(manifest, "settings", "event_subscriptions", "bot_events")));
        Assert.Superset(new HashSet<string> { "app_mentions:read", "im:history", "chat:write", "commands" },
            Items(At(manifest, "oauth_config", "scopes", "bot")).ToHashSet());
        Assert.Equal("true", ((YamlScalarNode)At(manifest, "settings", "interactivity", "is_enabled")).Value);
    }
}
