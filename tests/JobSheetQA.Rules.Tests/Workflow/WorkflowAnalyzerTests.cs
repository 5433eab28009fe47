using System.Reflection;
using JobSheetQA.Rules.Workflow;
using YamlDotNet.RepresentationModel;

namespace JobSheetQA.Rules.Tests.Workflow;

public sealed class WorkflowAnalyzerTests
{
    private const string Phrase = WorkflowAnalyzer.DefaultAcknowledgementPhrase;

    /// <summary>
    /// The smallest workflow that passes every check; one input per line so a test can change exactly one.
    /// Line 8 quotes the phrase in a description (not a check); line 16 is the check; line 21 reads the report.
    /// </summary>
    private const string Minimal = """
        name: Deployment Promotion
        on:
          workflow_dispatch:
            inputs:
              target_environment: { type: choice, required: true, options: [staging, production] }
              use_nightly_parity: { type: boolean, default: false }
              skip_parity: { type: boolean, required: false, default: false }
              skip_parity_acknowledgement: { type: string, description: "Must be I_ACCEPT_PARITY_SKIP" }
        jobs:
          validate:
            name: Validate Request
            runs-on: ubuntu-latest
            steps:
              - env:
                  ACK: ${{ inputs.skip_parity_acknowledgement }}
                run: test "$ACK" = "I_ACCEPT_PARITY_SKIP"
          parity:
            name: Parity Gate
            runs-on: ubuntu-latest
            steps:
              - run: node compare.js parity/reports/latest.json
        """;

    [Fact]
    public void Minimal_workflow_meets_every_check()
    {
        var analysis = WorkflowAnalyzer.Analyze(Minimal);

        Assert.True(analysis.HasWorkflowDispatch);
        Assert.Empty(analysis.InputProblems);
        Assert.Empty(analysis.BypassLines);
        Assert.Equal([16], analysis.AcknowledgementCheckLines);
        Assert.Equal([21], analysis.ParityReportLines);
        Assert.False(analysis.HasCorrelationIdInput);
        Assert.Equal(["Validate Request", "Parity Gate"], analysis.JobNames);
        Assert.True(analysis.IsClean);
    }

    [Fact]
    public void Jobs_are_listed_with_their_lines()
    {
        var analysis = WorkflowAnalyzer.Analyze(Minimal);

        Assert.Equal([new WorkflowJob("validate", "Validate Request", 10, 16), new WorkflowJob("parity", "Parity Gate", 17, 21)], analysis.Jobs);
    }

    [Fact]
    public void A_job_without_a_name_goes_by_its_id_and_a_value_that_is_not_a_job_is_left_out()
    {
        var analysis = WorkflowAnalyzer.Analyze("on: workflow_dispatch\njobs:\n  Deploy:\n    runs-on: ubuntu-latest\n  stray: text\n");

        var job = Assert.Single(analysis.Jobs!);
        Assert.Equal(new WorkflowJob("Deploy", null, 3, 4), job);
        Assert.Equal(["Deploy"], analysis.JobNames);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("on: workflow_dispatch\njobs: [\n")]
    [InlineData("- a list\n")]
    public void Text_that_is_not_a_workflow_has_unknown_jobs(string yaml)
    {
        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.Null(analysis.Jobs);
        Assert.Empty(analysis.JobNames);
        Assert.NotEmpty(analysis.InputProblems);
    }

    [Fact]
    public void A_workflow_without_jobs_has_an_empty_job_list()
    {
        var analysis = WorkflowAnalyzer.Analyze("on: workflow_dispatch\njobs: {}\n");

        Assert.NotNull(analysis.Jobs);
        Assert.Empty(analysis.Jobs);
    }

    // ---- the reference workflow (docs/reference/promotion.yml) ----

    [Fact]
    public void Reference_workflow_meets_every_runbook_check()
    {
        var yaml = File.ReadAllText(RepositoryFile("docs", "reference", "promotion.yml"));

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.Empty(analysis.InputProblems);
        Assert.True(analysis.HasWorkflowDispatch);
        Assert.True(analysis.HasCorrelationIdInput);
        Assert.Empty(analysis.BypassLines);
        Assert.NotEmpty(analysis.AcknowledgementCheckLines);
        Assert.NotEmpty(analysis.ParityReportLines);
        Assert.True(analysis.IsClean);
    }

    [Fact]
    public void Reference_workflow_acknowledgement_lines_are_checks_not_the_input_description()
    {
        var yaml = File.ReadAllText(RepositoryFile("docs", "reference", "promotion.yml"));
        var lines = yaml.Split('\n');

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        var descriptionLine = Array.FindIndex(lines, line => line.TrimStart().StartsWith("description:", StringComparison.Ordinal) && line.Contains(Phrase, StringComparison.Ordinal)) + 1;
        Assert.True(descriptionLine > 0);
        Assert.DoesNotContain(descriptionLine, analysis.AcknowledgementCheckLines);
        Assert.All(analysis.AcknowledgementCheckLines, line => Assert.Contains(Phrase, lines[line - 1], StringComparison.Ordinal));
        Assert.All(analysis.ParityReportLines, line => Assert.Contains("parity/reports/latest.json", lines[line - 1], StringComparison.Ordinal));
    }

    [Fact]
    public void Reference_workflow_job_names_are_the_policy_gates()
    {
        var policy = new YamlStream();
        policy.Load(new StringReader(File.ReadAllText(RepositoryFile("rules", "policy.yaml"))));
        var gates = (YamlMappingNode)((YamlMappingNode)policy.Documents[0].RootNode).Children[new YamlScalarNode("gates")];
        var expected = gates.Children.Values.Cast<YamlScalarNode>().Select(name => name.Value!).ToList();

        var analysis = WorkflowAnalyzer.Analyze(File.ReadAllText(RepositoryFile("docs", "reference", "promotion.yml")));

        Assert.Equal(expected, analysis.JobNames);
    }

    [Fact]
    public void Reference_workflow_declares_its_inputs_and_the_correlation_id_in_its_run_name()
    {
        var yaml = File.ReadAllText(RepositoryFile("docs", "reference", "promotion.yml"));

        Assert.Contains("\nrun-name: Promotion ${{ inputs.target_environment }} skip_parity=${{ inputs.skip_parity }} nightly=${{ inputs.use_nightly_parity }} "
            + "[${{ inputs.correlation_id || 'manual' }}]\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    // ---- on: and workflow_dispatch ----

    [Fact]
    public void Workflow_without_workflow_dispatch_cannot_be_dispatched()
    {
        var yaml = Minimal.Replace("  workflow_dispatch:\n    inputs:", "  push:\n    inputs:", StringComparison.Ordinal);

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.False(analysis.HasWorkflowDispatch);
        var problem = Assert.Single(analysis.InputProblems);
        Assert.StartsWith("Line 2:", problem, StringComparison.Ordinal);
        Assert.Contains("workflow_dispatch", problem, StringComparison.Ordinal);
        Assert.False(analysis.IsClean);
    }

    [Fact]
    public void Workflow_without_on_key_reports_it()
    {
        var analysis = WorkflowAnalyzer.Analyze("name: x\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n");

        Assert.False(analysis.HasWorkflowDispatch);
        Assert.Contains(analysis.InputProblems, problem => problem.Contains("no on: key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("on: workflow_dispatch")]
    [InlineData("on: [push, workflow_dispatch]")]
    [InlineData("on:\n  - push\n  - workflow_dispatch")]
    [InlineData("on:\n  workflow_dispatch:")]
    [InlineData("on:\n  workflow_dispatch: {}")]
    [InlineData("\"on\": workflow_dispatch")]
    public void Dispatch_trigger_without_inputs_is_found_and_every_runbook_input_is_missing(string trigger)
    {
        var analysis = WorkflowAnalyzer.Analyze($"name: x\n{trigger}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n");

        Assert.True(analysis.HasWorkflowDispatch);
        Assert.Equal(4, analysis.InputProblems.Count);
        Assert.Contains(analysis.InputProblems, p => p.Contains("no input target_environment", StringComparison.Ordinal));
        Assert.Contains(analysis.InputProblems, p => p.Contains("no input use_nightly_parity", StringComparison.Ordinal));
        Assert.Contains(analysis.InputProblems, p => p.Contains("no input skip_parity ", StringComparison.Ordinal));
        Assert.Contains(analysis.InputProblems, p => p.Contains("no input skip_parity_acknowledgement", StringComparison.Ordinal));
    }

    [Fact]
    public void Bare_on_key_is_the_trigger_not_yaml_1_1_true_and_a_true_key_is_not_a_trigger()
    {
        // YAML 1.1 readers (PyYAML) load `on` as the boolean true and may write it back as `true:`; GitHub reads neither as on:.
        var bare = WorkflowAnalyzer.Analyze(Minimal);
        var rewritten = WorkflowAnalyzer.Analyze(Minimal.Replace("\non:\n", "\ntrue:\n", StringComparison.Ordinal));

        Assert.True(bare.HasWorkflowDispatch);
        Assert.False(rewritten.HasWorkflowDispatch);
        Assert.Contains(rewritten.InputProblems, problem => problem.Contains("no on: key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("on: push")]
    [InlineData("on: [push, pull_request]")]
    [InlineData("on:\n  schedule:\n    - cron: '0 2 * * *'")]
    public void Other_triggers_alone_are_not_dispatchable(string trigger)
    {
        var analysis = WorkflowAnalyzer.Analyze($"name: x\n{trigger}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n");

        Assert.False(analysis.HasWorkflowDispatch);
        var problem = Assert.Single(analysis.InputProblems);
        Assert.Equal("Line 2: on: does not include workflow_dispatch, so the workflow cannot be dispatched (runbook §2.2)", problem);
    }

    [Fact]
    public void Empty_on_is_a_problem()
    {
        var analysis = WorkflowAnalyzer.Analyze("name: x\non:\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n");

        Assert.False(analysis.HasWorkflowDispatch);
        var problem = Assert.Single(analysis.InputProblems);
        Assert.Contains("on: is empty", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_inputs_are_reported_at_the_inputs_line()
    {
        var yaml = WithInputLine(Minimal, "use_nightly_parity", null);

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(yaml).InputProblems);

        Assert.Equal("Line 4: workflow_dispatch has no input use_nightly_parity (runbook §2.1: type boolean, not required, default false)", problem);
    }

    // ---- runbook §2.1 inputs, one difference at a time ----

    [Theory]
    [InlineData("target_environment", "{ type: string, required: true, options: [staging, production] }", "input target_environment has type string; runbook §2.1 requires type choice")]
    [InlineData("target_environment", "{ required: true, options: [staging, production] }", "input target_environment has no type (GitHub reads it as a string); runbook §2.1 requires type choice")]
    [InlineData("target_environment", "{ type: choice, options: [staging, production] }", "input target_environment must be required: true (runbook §2.1)")]
    [InlineData("target_environment", "{ type: choice, required: false, options: [staging, production] }", "input target_environment must be required: true (runbook §2.1)")]
    [InlineData("target_environment", "{ type: choice, required: yes, options: [staging, production] }", "input target_environment has required: yes, which is neither true nor false")]
    [InlineData("target_environment", "{ type: choice, required: true, options: [staging, prod] }", "input target_environment has options [staging, prod]; runbook §2.1 requires exactly [staging, production]")]
    [InlineData("target_environment", "{ type: choice, required: true, options: [staging, production, dev] }", "input target_environment has options [staging, production, dev]; runbook §2.1 requires exactly [staging, production]")]
    [InlineData("target_environment", "{ type: choice, required: true, options: [staging, staging] }", "input target_environment has options [staging, staging]; runbook §2.1 requires exactly [staging, production]")]
    [InlineData("target_environment", "{ type: choice, required: true, options: [Staging, production] }", "input target_environment has options [Staging, production]; runbook §2.1 requires exactly [staging, production]")]
    [InlineData("target_environment", "{ type: choice, required: true }", "input target_environment has no options; runbook §2.1 requires exactly [staging, production]")]
    [InlineData("target_environment", "{ type: choice, required: true, options: staging }", "input target_environment options must be a list, found the value 'staging'; runbook §2.1 requires exactly [staging, production]")]
    [InlineData("use_nightly_parity", "{ type: string, default: false }", "input use_nightly_parity has type string; runbook §2.1 requires type boolean")]
    [InlineData("use_nightly_parity", "{ type: boolean, default: true }", "input use_nightly_parity has default: true; runbook §2.1 requires default: false")]
    [InlineData("use_nightly_parity", "{ type: boolean }", "input use_nightly_parity has no default; runbook §2.1 requires default: false")]
    [InlineData("skip_parity", "{ type: boolean, required: true, default: false }", "input skip_parity must not be required (runbook §2.1: optional)")]
    [InlineData("skip_parity", "{ type: choice, options: [yes, no], default: false }", "input skip_parity has type choice; runbook §2.1 requires type boolean")]
    [InlineData("skip_parity", "{ type: boolean, default: true }", "input skip_parity has default: true; runbook §2.1 requires default: false")]
    [InlineData("skip_parity_acknowledgement", "{ type: boolean }", "input skip_parity_acknowledgement has type boolean; runbook §2.1 requires type string")]
    [InlineData("skip_parity_acknowledgement", "{ type: string, required: true }", "input skip_parity_acknowledgement must not be required (runbook §2.1: optional)")]
    [InlineData("skip_parity_acknowledgement", "{ type: string, default: I_ACCEPT_PARITY_SKIP }", "input skip_parity_acknowledgement has a default; it must be typed each time, never pre-filled (runbook §2.4)")]
    [InlineData("skip_parity_acknowledgement", "I_ACCEPT_PARITY_SKIP", "input skip_parity_acknowledgement must be a mapping (type, required, default), found the value 'I_ACCEPT_PARITY_SKIP'")]
    [InlineData("skip_parity_acknowledgement", null, "workflow_dispatch has no input skip_parity_acknowledgement (runbook §2.1: type string, not required, no default)")]
    [InlineData("target_environment", null, "workflow_dispatch has no input target_environment (runbook §2.1: type choice, required, options staging and production)")]
    public void Each_difference_from_the_runbook_inputs_is_one_problem(string input, string? definition, string expected)
    {
        var yaml = WithInputLine(Minimal, input, definition);

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        var problem = Assert.Single(analysis.InputProblems);
        Assert.EndsWith(expected, problem, StringComparison.Ordinal);
        Assert.Matches(@"^Line [4-8]: ", problem);
        Assert.False(analysis.IsClean);
    }

    [Fact]
    public void Problems_name_the_line_of_the_offending_field_in_block_style()
    {
        var yaml = """
            on:
              workflow_dispatch:
                inputs:
                  target_environment:
                    type: choice
                    required: true
                    options:
                      - staging
                      - production
                  use_nightly_parity:
                    type: boolean
                    default: false
                  skip_parity:
                    type: string
                    default: false
                  skip_parity_acknowledgement:
                    type: string
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo hi
            """;

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(yaml).InputProblems);

        Assert.Equal("Line 14: input skip_parity has type string; runbook §2.1 requires type boolean", problem);
    }

    [Theory]
    [InlineData("target_environment", "{ type: choice, required: true, options: [production, staging] }")]
    [InlineData("target_environment", "{ type: choice, required: true, options: [staging, production], default: staging, description: Where to }")]
    [InlineData("use_nightly_parity", "{ type: boolean, required: false, default: false }")]
    [InlineData("skip_parity", "{ type: boolean, default: False }")]
    [InlineData("skip_parity_acknowledgement", "{ description: typed phrase }")]
    [InlineData("skip_parity_acknowledgement", "{ type: string, required: false, default: '' }")]
    public void Equivalent_spellings_of_the_runbook_inputs_are_accepted(string input, string definition)
    {
        var analysis = WorkflowAnalyzer.Analyze(WithInputLine(Minimal, input, definition));

        Assert.Empty(analysis.InputProblems);
    }

    [Fact]
    public void Optional_correlation_id_input_is_recognised()
    {
        var yaml = Minimal.Replace("    inputs:\n", "    inputs:\n      correlation_id: { type: string, required: false }\n", StringComparison.Ordinal);

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.True(analysis.HasCorrelationIdInput);
        Assert.Empty(analysis.InputProblems);
    }

    [Theory]
    [InlineData("{ type: string, required: true }", "input correlation_id must not be required (runbook §2.1: optional)")]
    [InlineData("{ type: number }", "input correlation_id has type number; runbook §2.1 requires type string")]
    public void Unusable_correlation_id_input_is_a_problem_and_not_used(string definition, string expected)
    {
        var yaml = Minimal.Replace("    inputs:\n", $"    inputs:\n      correlation_id: {definition}\n", StringComparison.Ordinal);

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.False(analysis.HasCorrelationIdInput);
        Assert.EndsWith(expected, Assert.Single(analysis.InputProblems), StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_required_input_without_default_is_a_problem_but_an_optional_one_is_not()
    {
        var required = Minimal.Replace("    inputs:\n", "    inputs:\n      ticket: { type: string, required: true }\n", StringComparison.Ordinal);
        var optional = Minimal.Replace("    inputs:\n", "    inputs:\n      ticket: { type: string, required: true, default: none }\n      note: { type: string }\n", StringComparison.Ordinal);

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(required).InputProblems);
        Assert.StartsWith("Line 5: input ticket is required and has no default", problem, StringComparison.Ordinal);
        Assert.Empty(WorkflowAnalyzer.Analyze(optional).InputProblems);
    }

    [Fact]
    public void Inputs_that_are_not_a_mapping_are_one_problem()
    {
        var yaml = "on:\n  workflow_dispatch:\n    inputs: [target_environment]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(yaml).InputProblems);

        Assert.Equal("Line 3: workflow_dispatch inputs must be a mapping of input names, found a list", problem);
    }

    [Theory]
    [InlineData("${{ github.event.inputs.skip_parity }}")]
    [InlineData("${{ !github.event.inputs.skip_parity }}")]
    [InlineData("github.event.inputs.use_nightly_parity && always()")]
    [InlineData("github.event.inputs.skip_parity == true")]
    public void Boolean_input_read_as_a_string_in_a_condition_is_a_problem(string condition)
    {
        var yaml = Minimal.Replace("    name: Parity Gate", $"    name: Parity Gate\n    if: {condition}", StringComparison.Ordinal);

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(yaml).InputProblems);

        Assert.StartsWith("Line 19: if: reads github.event.inputs.", problem, StringComparison.Ordinal);
        Assert.Contains("'false' counts as true", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${{ !inputs.skip_parity }}")]
    [InlineData("github.event.inputs.skip_parity != 'true'")]
    [InlineData("${{ github.event.inputs.skip_parity == 'false' }}")]
    public void Typed_or_string_compared_boolean_conditions_are_fine(string condition)
    {
        var yaml = Minimal.Replace("    name: Parity Gate", $"    name: Parity Gate\n    if: {condition}", StringComparison.Ordinal);

        Assert.Empty(WorkflowAnalyzer.Analyze(yaml).InputProblems);
    }

    // ---- runbook §5.1: || true ----

    [Theory]
    [InlineData("npm test || true")]
    [InlineData("npm test ||true")]
    [InlineData("npm test ||   true")]
    [InlineData("npm test || true; echo done")]
    public void Bypass_on_a_single_line_run_is_reported_at_its_line(string script)
    {
        var yaml = Minimal.Replace("      - run: node compare.js parity/reports/latest.json",
            $"      - run: node compare.js parity/reports/latest.json\n      - run: {script}", StringComparison.Ordinal);

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.Equal([22], analysis.BypassLines);
        Assert.Empty(analysis.InputProblems);
        Assert.False(analysis.IsClean);
    }

    [Fact]
    public void Bypass_inside_a_block_scalar_is_reported_at_the_real_file_line()
    {
        var yaml = """
            on:
              workflow_dispatch:
            jobs:
              ci:
                name: CI Gate
                runs-on: ubuntu-latest
                steps:
                  - name: Lint
                    run: |
                      npm ci
                      npm run lint ||  true

                      # a commented-out bypass still counts: npm test || true
                      npm run build
                  - name: Folded
                    run: >-
                      echo one &&
                      echo two ||true
            """;

        Assert.Equal([11, 13, 18], WorkflowAnalyzer.Analyze(yaml).BypassLines);
    }

    [Fact]
    public void Bypass_lines_count_from_the_top_of_the_file_with_windows_line_endings()
    {
        var yaml = "on: workflow_dispatch\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: |\r\n          make\r\n          make test || true\r\n";

        Assert.Equal([8], WorkflowAnalyzer.Analyze(yaml).BypassLines);
    }

    [Fact]
    public void Bypass_split_over_lines_in_a_script_is_reported_at_the_or()
    {
        var yaml = """
            on: workflow_dispatch
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      make test \
                        || \
                        true
                  - run: >
                      make lint ||

                      true
            """;

        Assert.Equal([8, 11], WorkflowAnalyzer.Analyze(yaml).BypassLines);
    }

    [Fact]
    public void Bypass_outside_run_steps_is_reported_as_the_runbook_grep_would()
    {
        var yaml = Minimal.Replace("    name: Parity Gate", "    name: Parity Gate\n    if: ${{ failure() || true }}", StringComparison.Ordinal);

        Assert.Equal([19], WorkflowAnalyzer.Analyze(yaml).BypassLines);
    }

    [Theory]
    [InlineData("npm test || true_story")]
    [InlineData("npm test || truex")]
    [InlineData("npm test | true")]
    [InlineData("test \"$A\" = true || exit 1")]
    public void Similar_text_that_is_not_a_bypass_is_not_reported(string script)
    {
        var yaml = Minimal.Replace("      - run: node compare.js parity/reports/latest.json",
            $"      - run: node compare.js parity/reports/latest.json\n      - run: {script}", StringComparison.Ordinal);

        Assert.Empty(WorkflowAnalyzer.Analyze(yaml).BypassLines);
    }

    // ---- runbook §5.1: acknowledgement check ----

    [Fact]
    public void Phrase_only_in_the_input_description_is_not_an_acknowledgement_check()
    {
        var yaml = Minimal.Replace("        run: test \"$ACK\" = \"I_ACCEPT_PARITY_SKIP\"", "        run: echo \"$ACK\"", StringComparison.Ordinal);

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.Empty(analysis.AcknowledgementCheckLines);
        Assert.False(analysis.IsClean);
    }

    [Fact]
    public void Phrase_without_reading_the_acknowledgement_input_is_not_a_check()
    {
        var yaml = Minimal.Replace("ACK: ${{ inputs.skip_parity_acknowledgement }}", "ACK: ${{ vars.SOMETHING_ELSE }}", StringComparison.Ordinal);

        Assert.Empty(WorkflowAnalyzer.Analyze(yaml).AcknowledgementCheckLines);
    }

    [Fact]
    public void Acknowledgement_input_named_only_in_a_comment_is_not_read()
    {
        var yaml = Minimal.Replace("ACK: ${{ inputs.skip_parity_acknowledgement }}", "ACK: ${{ vars.SOMETHING_ELSE }}\n          # was inputs.skip_parity_acknowledgement", StringComparison.Ordinal);

        Assert.Empty(WorkflowAnalyzer.Analyze(yaml).AcknowledgementCheckLines);
    }

    [Fact]
    public void Phrase_in_a_comment_is_not_a_check()
    {
        var yaml = Minimal.Replace("        run: test \"$ACK\" = \"I_ACCEPT_PARITY_SKIP\"",
            "        run: |\n          # compare with I_ACCEPT_PARITY_SKIP some day\n          echo \"$ACK\"", StringComparison.Ordinal);

        Assert.Empty(WorkflowAnalyzer.Analyze(yaml).AcknowledgementCheckLines);
    }

    [Fact]
    public void Check_against_a_different_phrase_does_not_count_for_the_policy_phrase()
    {
        var yaml = Minimal.Replace("= \"I_ACCEPT_PARITY_SKIP\"", "= \"I_ACCEPT_PARITY_SKIP_NOW\"", StringComparison.Ordinal);

        Assert.Empty(WorkflowAnalyzer.Analyze(yaml, Phrase).AcknowledgementCheckLines);
    }

    [Fact]
    public void The_phrase_comes_from_the_caller()
    {
        var yaml = Minimal.Replace("= \"I_ACCEPT_PARITY_SKIP\"", "= \"OPS_ACCEPTS_SKIP\"", StringComparison.Ordinal);

        Assert.Equal([16], WorkflowAnalyzer.Analyze(yaml, "OPS_ACCEPTS_SKIP").AcknowledgementCheckLines);
        Assert.Empty(WorkflowAnalyzer.Analyze(yaml).AcknowledgementCheckLines);
    }

    [Fact]
    public void Acknowledgement_read_through_github_event_inputs_still_counts_as_a_check()
    {
        var yaml = Minimal.Replace("${{ inputs.skip_parity_acknowledgement }}", "${{ github.event.inputs.skip_parity_acknowledgement }}", StringComparison.Ordinal);

        Assert.Equal([16], WorkflowAnalyzer.Analyze(yaml).AcknowledgementCheckLines);
    }

    // ---- runbook §5.1: parity report source ----

    [Fact]
    public void Workflow_that_never_reads_the_parity_report_has_no_parity_source()
    {
        var yaml = Minimal.Replace("node compare.js parity/reports/latest.json", "node compare.js parity/reports/sample.json", StringComparison.Ordinal);

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.Empty(analysis.ParityReportLines);
        Assert.Empty(analysis.InputProblems);
        Assert.False(analysis.IsClean);
    }

    [Fact]
    public void Parity_report_named_only_in_a_comment_or_an_input_description_is_not_read()
    {
        var yaml = Minimal
            .Replace("node compare.js parity/reports/latest.json", "|\n          # TODO: read parity/reports/latest.json\n          echo skipped", StringComparison.Ordinal)
            .Replace("{ type: boolean, default: false }\n      skip_parity:", "{ type: boolean, default: false, description: reuse parity/reports/latest.json }\n      skip_parity:", StringComparison.Ordinal);

        Assert.Empty(WorkflowAnalyzer.Analyze(yaml).ParityReportLines);
    }

    // ---- files that are not workflows ----

    [Fact]
    public void Malformed_yaml_is_a_problem_naming_the_line_not_an_exception()
    {
        var yaml = "name: x\non:\n  workflow_dispatch:\n    inputs: [\njobs: {}\n";

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.False(analysis.HasWorkflowDispatch);
        Assert.False(analysis.IsClean);
        var problem = Assert.Single(analysis.InputProblems);
        Assert.Matches(@"^Line [45](, column \d+)?: the workflow file is not valid YAML \(.+\)$", problem);
    }

    [Fact]
    public void Malformed_yaml_names_the_line_where_the_parser_stopped()
    {
        var analysis = WorkflowAnalyzer.Analyze("on: workflow_dispatch\njobs:\n  a: b\n    c: d\n");

        Assert.StartsWith("Line 4, column", Assert.Single(analysis.InputProblems), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_still_reports_bypass_lines()
    {
        var analysis = WorkflowAnalyzer.Analyze("on: workflow_dispatch\njobs:\n  a: [\n    make || true\n");

        Assert.NotEmpty(analysis.InputProblems);
        Assert.Equal([4], analysis.BypassLines);
    }

    [Fact]
    public void Duplicate_keys_are_a_syntax_problem()
    {
        var yaml = Minimal.Replace("jobs:\n", "jobs:\n  parity:\n    runs-on: ubuntu-latest\n", StringComparison.Ordinal);

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(yaml).InputProblems);

        Assert.Contains("Duplicate key", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("\uFEFF")]
    public void Empty_file_is_a_problem(string yaml)
    {
        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.False(analysis.HasWorkflowDispatch);
        Assert.Contains("empty", Assert.Single(analysis.InputProblems), StringComparison.Ordinal);
        Assert.Empty(analysis.BypassLines);
        Assert.Empty(analysis.AcknowledgementCheckLines);
        Assert.Empty(analysis.ParityReportLines);
    }

    [Fact]
    public void File_of_only_comments_is_a_problem()
    {
        var problem = Assert.Single(WorkflowAnalyzer.Analyze("# promotion.yml\n# nothing here yet\n").InputProblems);

        Assert.Contains("only comments", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_that_is_a_list_is_not_a_workflow()
    {
        var analysis = WorkflowAnalyzer.Analyze("- on: workflow_dispatch\n- jobs: {}\n");

        Assert.False(analysis.HasWorkflowDispatch);
        Assert.Equal("Line 1: the document is a list, not a workflow (a mapping with on: and jobs:)", Assert.Single(analysis.InputProblems));
    }

    [Fact]
    public void Document_that_is_plain_text_is_not_a_workflow()
    {
        var analysis = WorkflowAnalyzer.Analyze("this is not a workflow\n");

        Assert.Equal("Line 1: the document is the value 'this is not a workflow', not a workflow (a mapping with on: and jobs:)", Assert.Single(analysis.InputProblems));
    }

    [Fact]
    public void Workflow_without_jobs_is_a_problem()
    {
        var yaml = Minimal[..Minimal.IndexOf("jobs:", StringComparison.Ordinal)];

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(yaml).InputProblems);

        Assert.Contains("no jobs:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_documents_in_one_file_are_a_problem()
    {
        var yaml = Minimal + "\n---\nname: second\n";

        var analysis = WorkflowAnalyzer.Analyze(yaml);

        Assert.StartsWith("Line 23: the file holds 2 YAML documents", Assert.Single(analysis.InputProblems), StringComparison.Ordinal);
    }

    [Fact]
    public void Self_referencing_alias_is_analysed_without_looping()
    {
        var analysis = WorkflowAnalyzer.Analyze("on: &trigger [workflow_dispatch, *trigger]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make || true\n");

        Assert.True(analysis.HasWorkflowDispatch);
        Assert.Equal([6], analysis.BypassLines);
    }

    [Fact]
    public void Nested_aliases_are_not_expanded()
    {
        // Nine levels of ten aliases each: a billion nodes if expanded, a few dozen if shared.
        var yaml = new System.Text.StringBuilder("on:\n  workflow_dispatch:\n  l0: &l0 [x]\n");
        for (var level = 1; level <= 9; level++)
        {
            yaml.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        yaml.Append("jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo I_ACCEPT_PARITY_SKIP\n");

        var analysis = WorkflowAnalyzer.Analyze(yaml.ToString());

        Assert.True(analysis.HasWorkflowDispatch);
        Assert.Empty(analysis.AcknowledgementCheckLines);
    }

    [Fact]
    public void Pathologically_deep_nesting_is_a_syntax_problem_not_a_crash()
    {
        // Without a limit YamlDotNet's recursive loader overflows the stack on this and ends the whole process.
        var yaml = "on: workflow_dispatch\njobs: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var problem = Assert.Single(WorkflowAnalyzer.Analyze(yaml).InputProblems);

        Assert.StartsWith("Line 2, column", problem, StringComparison.Ordinal);
        Assert.Contains("nest more than 64 levels", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Phrase_must_be_given()
    {
        Assert.Throws<ArgumentException>(() => WorkflowAnalyzer.Analyze(Minimal, " "));
    }

    // ---- helpers ----

    /// <summary>Replaces (or with null, removes) the one-line definition of <paramref name="input"/> in <see cref="Minimal"/>.</summary>
    private static string WithInputLine(string yaml, string input, string? definition)
    {
        var lines = yaml.Split('\n').ToList();
        var index = lines.FindIndex(line => line.StartsWith($"      {input}: ", StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line for input {input}");
        if (definition is null)
        {
            lines.RemoveAt(index);
        }
        else
        {
            lines[index] = $"      {input}: {definition}";
        }

        return string.Join('\n', lines);
    }

    private static string RepositoryFile(params string[] parts)
    {
        var root = typeof(WorkflowAnalyzerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;
        return Path.Combine([root, .. parts]);
    }
}
