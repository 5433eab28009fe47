using System.Collections;
using System.Globalization;
using System.Reflection;
using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.GitHub.Webhooks;
using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Posture.WriteWindows;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Hosting.Settings;

/// <summary>
/// docs/configuration.md against the code: every key the bot binds is in a table row with its environment-variable form
/// and the default a host with no settings really uses, and no row names a key the bot does not read.
/// </summary>
public sealed class ConfigurationDocsTests(WebApplicationFactory<PolicyOptions> factory) : IClassFixture<WebApplicationFactory<PolicyOptions>>
{
    // Where each settings type is bound. Root-level keys (the Bot Framework's names) have no section.
    private static readonly Dictionary<Type, string> Sections = new()
    {
        [typeof(StorageOptions)] = StorageOptions.SectionName,
        [typeof(PolicyOptions)] = PolicyOptions.SectionName,
        [typeof(GitHubOptions)] = GitHubOptions.SectionName,
        [typeof(WebhookOptions)] = GitHubOptions.SectionName,
        [typeof(ProtectionRuleOptions)] = GitHubOptions.SectionName,
        [typeof(JobsOptions)] = JobsOptions.SectionName,
        [typeof(TrackingOptions)] = TrackingOptions.SectionName,
        [typeof(WriteWindowOptions)] = WriteWindowOptions.SectionName,
        [typeof(BotCredentialsOptions)] = "",
        [typeof(TeamsOptions)] = TeamsOptions.SectionName,
        [typeof(SlackOptions)] = SlackOptions.SectionName,
        [typeof(InboundOptions)] = InboundOptions.SectionName,
        [typeof(TelemetryOptions)] = TelemetryOptions.SectionName,
    };

    // Properties read from a key other than section:property.
    private static readonly Dictionary<(Type, string), string> OwnKeys = new()
    {
        [(typeof(StorageOptions), nameof(StorageOptions.PostgresConnectionString))] = StorageOptions.PostgresConnectionStringKey,
        [(typeof(WebhookOptions), nameof(WebhookOptions.Enabled))] = WebhookOptions.EnabledKey,
        [(typeof(WebhookOptions), nameof(WebhookOptions.Secret))] = WebhookOptions.SecretKey,
        [(typeof(ProtectionRuleOptions), nameof(ProtectionRuleOptions.Enabled))] = ProtectionRuleOptions.EnabledKey,
        [(typeof(ProtectionRuleOptions), nameof(ProtectionRuleOptions.SandboxWebhookUrl))] = ProtectionRuleOptions.SandboxWebhookUrlKey,
        [(typeof(ProtectionRuleOptions), nameof(ProtectionRuleOptions.GiveUpAfter))] = ProtectionRuleOptions.GiveUpAfterKey,
    };

    // Host keys the bot reads through ASP.NET Core rather than an options type of its own.
    private static readonly string[] HostKeys = ["Urls"];

    private static readonly Lazy<IReadOnlyDictionary<string, DocumentedSetting>> Documented = new(ReadDocumentedSettings);

    [Fact]
    public void The_types_documented_here_are_the_ones_checked_at_startup()
    {
        var checkedTypes = factory.Services.GetServices<ISettingsCheck>()
            .Select(check => check.GetType())
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(OptionsSettingsCheck<>))
            .Select(type => type.GetGenericArguments()[0]);

        Assert.Equal(Sections.Keys.Select(t => t.Name).Order(), checkedTypes.Select(t => t.Name).Order());
    }

    [Fact]
    public void Every_key_is_documented_with_its_environment_variable_and_real_default()
    {
        var wrong = new List<string>();
        foreach (var (key, value) in EffectiveSettings())
        {
            if (!Documented.Value.TryGetValue(key, out var row))
            {
                wrong.Add($"{key}: not documented");
                continue;
            }

            if (!row.EnvironmentVariable.StartsWith($"`{key.Replace(":", "__", StringComparison.Ordinal)}", StringComparison.Ordinal))
                wrong.Add($"{key}: environment variable column is '{row.EnvironmentVariable}'");
            if (Describe(value) != row.Default)
                wrong.Add($"{key}: documented default '{row.Default}', the bot uses '{Describe(value)}'");
        }

        Assert.True(wrong.Count == 0, $"docs/configuration.md disagrees with the code:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    [Fact]
    public void Every_documented_key_is_read_by_the_bot()
    {
        var read = EffectiveSettings().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        var stale = Documented.Value.Keys.Where(key => !read.Contains(key)).ToList();
        Assert.True(stale.Count == 0, $"docs/configuration.md documents keys the bot does not read: {string.Join(", ", stale)}");
    }

    private IEnumerable<KeyValuePair<string, object?>> EffectiveSettings()
    {
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        foreach (var key in HostKeys)
            yield return new(key, configuration[key]);

        foreach (var (type, section) in Sections)
        {
            var accessor = factory.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            var options = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
            foreach (var setting in Flatten(type, section, options))
                yield return setting;
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Flatten(Type type, string prefix, object? instance)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = OwnKeys.GetValueOrDefault((type, property.Name)) ?? (prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
            var value = instance is null ? null : property.GetValue(instance);
            var nested = property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType != typeof(Uri)
                && !property.PropertyType.IsArray;
            if (nested)
            {
                foreach (var inner in Flatten(property.PropertyType, key, value))
                    yield return inner;
            }
            else
            {
                yield return new(key, value);
            }
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "—",
        string text when text.Length == 0 => "—",
        bool flag => flag ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        string[] items => string.Join(", ", items),
        IEnumerable and not string => throw new InvalidOperationException($"no description for {value.GetType()}"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "—",
    };

    private static Dictionary<string, DocumentedSetting> ReadDocumentedSettings()
    {
        var rows = new Dictionary<string, DocumentedSetting>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "docs", "configuration.md")))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
                continue;
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            // | key | environment variable | default | what it does | stops start-up when |
            Assert.True(cells.Length == 7, $"a settings row has five columns: {line}");
            var key = cells[1].Trim('`');
            Assert.True(rows.TryAdd(key, new DocumentedSetting(cells[2], cells[3].Replace("`", "", StringComparison.Ordinal))), $"{key} is documented twice");
        }

        return rows;
    }

    private sealed record DocumentedSetting(string EnvironmentVariable, string Default);
}
