using JobSheetQA.Bot.GitHub.Sandbox;
using JobSheetQA.Bot.Tests.Chat.Support;

namespace JobSheetQA.Bot.Tests.GitHub.ProtectionRules;

/// <summary>In <c>GitHub:Mode=Sandbox</c> the in-process sandbox carries the rule too, signing with the bot's webhook secret.</summary>
public sealed class SandboxModeProtectionRuleTests
{
    [Fact]
    public async Task The_in_process_sandbox_gets_the_protection_rule_with_the_bots_secret_and_target()
    {
        await using var chat = ChatTestHost.Start(new Dictionary<string, string?>
        {
            ["GitHub:Webhooks:Enabled"] = "true",
            ["GitHub:WebhookSecret"] = "sandbox-mode-secret",
            ["GitHub:ProtectionRule:Enabled"] = "true",
            ["GitHub:ProtectionRule:SandboxWebhookUrl"] = "http://localhost:3978/api/github/webhooks",
        });

        var rule = chat.Get<GitHubSandboxHostedService>().Sandbox!.Options.ProtectionRule;

        Assert.NotNull(rule);
        Assert.Equal("sandbox-mode-secret", rule.WebhookSecret);
        Assert.Equal(new Uri("http://localhost:3978/api/github/webhooks"), rule.WebhookUrl);
        Assert.Equal(["staging", "production"], rule.Environments);
    }
}
