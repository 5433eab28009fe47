using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobSheetQA.Bot.Tests.Hosting.Settings;

/// <summary>
/// Issue #7: every required setting of every enabled feature is checked before the host accepts traffic, and one
/// failed start lists all the problems, each starting with its key.
/// </summary>
public sealed class StartupSettingsCheckTests
{
    [Fact]
    public void Every_problem_of_every_enabled_feature_is_listed_in_one_message()
    {
        var missingPolicy = Path.Combine(Path.GetTempPath(), $"missing-policy-{Guid.NewGuid():N}.yaml");
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Policy:File"] = missingPolicy,
            ["GitHub:Mode"] = "GitHub",
            ["GitHub:Webhooks:Enabled"] = "true",
            ["Jobs:WorkerCount"] = "0",
            ["Tracking:PollInterval"] = "00:00:00",
            ["Teams:MaxAttempts"] = "0",
            ["Slack:Enabled"] = "true",
        };

        var invalid = StartExpectingInvalidSettings(settings, environment: "Production");

        string[] expectedKeys =
        [
            "ConnectionStrings:Postgres", $"Policy:File: {missingPolicy}: policy file not found", "GitHub:Owner", "GitHub:Repository",
            "GitHub:Mode is GitHub but no credentials", "GitHub:WebhookSecret", "Jobs:WorkerCount", "Tracking:PollInterval",
            "MicrosoftAppId is not set", "Teams:MaxAttempts", "Slack:AllowedTeams", "Slack:SigningSecret", "Slack:BotToken",
        ];
        Assert.Equal(expectedKeys.Length, invalid.Problems.Count);
        foreach (var key in expectedKeys)
            Assert.Single(invalid.Problems, p => p.Description.StartsWith(key, StringComparison.Ordinal));
        Assert.StartsWith($"JobSheetQA.Bot cannot start: {expectedKeys.Length} settings need fixing", invalid.Message, StringComparison.Ordinal);
        foreach (var problem in invalid.Problems)
            Assert.Contains($"{Environment.NewLine}  - {problem.Description}", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_named_by_key_with_what_the_setting_takes()
    {
        var invalid = StartExpectingInvalidSettings(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Jobs:WorkerCount"] = "lots",
            ["Tracking:PollInterval"] = "soon",
            ["Slack:Enabled"] = "yes",
            ["GitHub:Mode"] = "Cloud",
        });

        Assert.Equal(
            [
                "Storage:Provider cannot be read from 'Postgres': it takes one of Sqlite, PostgreSql.",
                "GitHub:Mode cannot be read from 'Cloud': it takes one of Sandbox, GitHub.",
                "Jobs:WorkerCount cannot be read from 'lots': it takes a whole number.",
                "Tracking:PollInterval cannot be read from 'soon': it takes a duration such as 00:00:10 (hh:mm:ss).",
                "Slack:Enabled cannot be read from 'yes': it takes true or false.",
            ],
            invalid.Problems.Select(p => p.Description));
    }

    [Fact]
    public void One_problem_is_one_line_under_the_heading()
    {
        var invalid = StartExpectingInvalidSettings(new() { ["GitHub:Webhooks:Enabled"] = "true" });

        var problem = Assert.Single(invalid.Problems);
        Assert.Equal(
            $"JobSheetQA.Bot cannot start: 1 setting needs fixing (docs/configuration.md describes every key):{Environment.NewLine}  - {problem.Description}",
            invalid.Message);
    }

    [Fact]
    public void A_GitHub_Workflow_other_than_the_policy_workflow_stops_start_up_saying_what_to_change()
    {
        var invalid = StartExpectingInvalidSettings(new() { ["GitHub:Workflow"] = "deploy.yml" });

        var problem = Assert.Single(invalid.Problems);
        Assert.StartsWith("GitHub:Workflow 'deploy.yml' and policy.yaml's workflow '.github/workflows/promotion.yml' (", problem.Description, StringComparison.Ordinal);
        Assert.Contains("Set GitHub:Workflow (environment variable GitHub__Workflow) to promotion.yml, or workflow in ", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_workflow_other_than_GitHub_Workflow_stops_start_up_naming_the_policy_file()
    {
        var policyFile = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(policyFile, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy.yaml"))
            .Replace("workflow: .github/workflows/promotion.yml", "workflow: .github/workflows/release.yml", StringComparison.Ordinal));
        try
        {
            var invalid = StartExpectingInvalidSettings(new() { ["Policy:File"] = policyFile });

            var problem = Assert.Single(invalid.Problems);
            Assert.Contains($"workflow in {policyFile} to .github/workflows/promotion.yml", problem.Description, StringComparison.Ordinal);
            Assert.Contains("Set GitHub:Workflow (environment variable GitHub__Workflow) to release.yml", problem.Description, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policyFile);
        }
    }

    [Fact]
    public void The_workflow_mismatch_is_listed_with_the_other_GitHub_problems()
    {
        var invalid = StartExpectingInvalidSettings(new() { ["GitHub:Mode"] = "GitHub", ["GitHub:Workflow"] = "deploy.yml" });

        Assert.Contains(invalid.Problems, p => p.Description.StartsWith("GitHub:Owner", StringComparison.Ordinal));
        Assert.Single(invalid.Problems, p => p.Description.StartsWith("GitHub:Workflow 'deploy.yml' and policy.yaml's workflow", StringComparison.Ordinal));
    }

    private static InvalidSettingsException StartExpectingInvalidSettings(Dictionary<string, string> settings, string environment = "Development")
    {
        using var factory = new WebApplicationFactory<PolicyOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Storage:DataDirectory", Path.Combine(Path.GetTempPath(), $"jobsheetqa-settings-{Guid.NewGuid():N}"));
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return ExceptionChain.Find<InvalidSettingsException>(failure);
    }
}
