using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Tests.Workflow;

/// <summary>
/// The reference <c>docs/reference/promotion.yml</c> carries the runbook's own enforcement (runbook §2.3–§5.5);
/// these tests pin the parts the bot relies on: exact messages, input handling, the parity skip and the deploy target.
/// </summary>
public sealed class ReferenceWorkflowTests
{
    private readonly string text;
    private readonly YamlMappingNode jobs;

    public ReferenceWorkflowTests()
    {
        var root = typeof(ReferenceWorkflowTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;
        text = File.ReadAllText(Path.Combine(root, "docs", "reference", "promotion.yml"));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
    }

    [Fact]
    public void Validate_Request_fails_with_the_runbook_messages()
    {
        var scripts = string.Join('\n', RunScripts(Job("Validate Request")));

        Assert.Contains("Cannot skip parity for production\"", scripts, StringComparison.Ordinal);
        Assert.Contains("Missing skip acknowledgement\"", scripts, StringComparison.Ordinal);
        Assert.Contains("github.ref == 'refs/heads/main'", EnvValues(Job("Validate Request")), StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_never_interpolate_expressions_and_inputs_are_read_typed()
    {
        foreach (var job in jobs.Children.Values.Cast<YamlMappingNode>())
        {
            Assert.All(RunScripts(job), script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("github.event.inputs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gates_are_chained_in_runbook_order()
    {
        var order = new[] { "validate", "ci", "policy", "rehearsal", "parity" };
        for (var i = 1; i < order.Length; i++)
        {
            Assert.Contains(order[i - 1], Needs((YamlMappingNode)jobs[order[i]]));
        }

        Assert.Equal(order, Needs(Job("Deploy")));
    }

    [Fact]
    public void Parity_Gate_can_be_skipped_only_for_staging_with_the_acknowledgement()
    {
        var condition = ((YamlScalarNode)Job("Parity Gate")["if"]).Value!;

        Assert.Contains("inputs.target_environment == 'staging'", condition, StringComparison.Ordinal);
        Assert.Contains("inputs.skip_parity_acknowledgement == 'I_ACCEPT_PARITY_SKIP'", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("production", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void Parity_Gate_uploads_the_report_artifact_and_compares_with_thresholds()
    {
        var parity = Job("Parity Gate");
        var upload = Steps(parity).Single(step => (step.Children.TryGetValue("uses", out var uses) ? ((YamlScalarNode)uses).Value : "")!.StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        var with = (YamlMappingNode)upload["with"];

        Assert.Equal("promotion-parity-report", ((YamlScalarNode)with["name"]).Value);
        Assert.Equal("parity/reports/latest.json", ((YamlScalarNode)with["path"]).Value);
        Assert.Contains(RunScripts(parity), script => script.Contains("parity/config/thresholds.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Deploy_targets_the_requested_environment_with_the_required_secrets()
    {
        var deploy = Job("Deploy");

        Assert.Equal("${{ inputs.target_environment }}", ((YamlScalarNode)deploy["environment"]).Value);
        var deployEnvironment = EnvValues(Steps(deploy).Last());
        Assert.Contains("${{ secrets.MISTRAL_API_KEY }}", deployEnvironment, StringComparison.Ordinal);
        Assert.Contains("${{ secrets.GEMINI_API_KEY }}", deployEnvironment, StringComparison.Ordinal);
    }

    private YamlMappingNode Job(string name) =>
        jobs.Children.Values.Cast<YamlMappingNode>().Single(job => ((YamlScalarNode)job["name"]).Value == name);

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>();

    private static IEnumerable<string> RunScripts(YamlMappingNode job) =>
        Steps(job).Where(step => step.Children.ContainsKey("run")).Select(step => ((YamlScalarNode)step["run"]).Value!);

    /// <summary>All <c>env:</c> values of a job's steps (or of one step), one per line.</summary>
    private static string EnvValues(YamlMappingNode jobOrStep)
    {
        var holders = jobOrStep.Children.ContainsKey("steps") ? Steps(jobOrStep) : [jobOrStep];
        return string.Join('\n', holders
            .Where(step => step.Children.ContainsKey("env"))
            .SelectMany(step => ((YamlMappingNode)step["env"]).Children.Values.Cast<YamlScalarNode>().Select(value => value.Value)));
    }

    private static IReadOnlyList<string> Needs(YamlMappingNode job) => job["needs"] switch
    {
        YamlScalarNode single => [single.Value!],
        YamlSequenceNode list => list.Children.Cast<YamlScalarNode>().Select(need => need.Value!).ToList(),
        _ => [],
    };
}
