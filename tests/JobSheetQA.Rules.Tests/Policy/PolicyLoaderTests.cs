using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Policy;

public sealed class PolicyLoaderTests
{
    // ---- the shipped policy ----

    [Fact]
    public void Shipped_policy_loads_with_the_runbook_values()
    {
        var policy = PolicyLoader.LoadFile(RepositoryFiles.PathOf("rules/policy.yaml"));

        Assert.Equal("main", policy.AllowedBranch);
        Assert.Equal(".github/workflows/promotion.yml", policy.WorkflowPath);
        Assert.Equal([EnvironmentNames.Staging, EnvironmentNames.Production], policy.Environments.Select(e => e.Name));
        var staging = policy.FindEnvironment(EnvironmentNames.Staging)!;
        var production = policy.FindEnvironment(EnvironmentNames.Production)!;
        Assert.True(staging.AllowParitySkip);
        Assert.False(staging.ReadOnlyPosture);
        Assert.False(production.AllowParitySkip);
        Assert.True(production.ReadOnlyPosture);
        Assert.Empty(production.Requesters);
        Assert.Equal(EnvironmentNames.Staging, policy.PredecessorOf(EnvironmentNames.Production));
        Assert.Equal("I_ACCEPT_PARITY_SKIP", policy.Acknowledgement.Phrase);
        Assert.Equal(TimeSpan.FromMinutes(10), policy.Acknowledgement.ExpiresAfter);
        Assert.Equal(["MISTRAL_API_KEY", "GEMINI_API_KEY"], policy.RequiredSecrets);
        Assert.Equal(["ENABLE_PURGE_EXECUTION", "ENABLE_SCHEDULER"], policy.Posture.Flags.Select(f => f.Name));
        Assert.Equal(TimeSpan.FromMinutes(15), policy.WriteWindows.MinDuration);
        Assert.Equal(TimeSpan.FromHours(4), policy.WriteWindows.MaxDuration);
        Assert.Equal(TimeSpan.FromMinutes(15), policy.WriteWindows.ReminderBeforeEnd);
        Assert.Matches(policy.WriteWindows.ChangeRequestPattern, "CHG-1234");
        Assert.DoesNotMatch(policy.WriteWindows.ChangeRequestPattern, "chg 1234");
        Assert.Equal("nightly-parity.yml", policy.NightlyParity.Workflow);
        Assert.Equal("promotion-parity-report", policy.NightlyParity.Artifact);
        Assert.Equal(TimeSpan.FromHours(26), policy.NightlyParity.MaxAge);
        Assert.Equal(
            Enum.GetValues<PromotionStep>().Select(step => step.DisplayName()),
            Enum.GetValues<PromotionStep>().Select(policy.Gates.JobNameOf));
    }

    [Fact]
    public void Shipped_policy_is_copied_next_to_the_library_output()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "policy.yaml");

        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("rules/policy.yaml")), File.ReadAllText(copied));
        Assert.Equal("main", PolicyLoader.LoadFile(copied).AllowedBranch);
    }

    // ---- reading ----

    [Fact]
    public void Valid_policy_reads_every_section_in_file_order()
    {
        var policy = PolicyLoader.Parse(PolicyText.Valid, PolicyText.Source);

        Assert.Equal(["*"], policy.Environments[0].Requesters);
        Assert.Equal(
            ["teams:00000000-0000-0000-0000-000000000002", "teams:00000000-0000-0000-0000-000000000001", "slack:U012ABCDEF"],
            policy.Environments[1].Requesters);
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Acknowledgement.ExpiresAfter);
        Assert.Equal(TimeSpan.FromMinutes(10), policy.WriteWindows.ReminderBeforeEnd);
        Assert.Equal("^CR-[0-9]+$", policy.WriteWindows.ChangeRequestPattern);
        Assert.Equal("Prevents automated jobs", policy.Posture.Flags[1].Purpose);
        Assert.Equal("Parity Gate", policy.Gates.JobNameOf(PromotionStep.ParityGate));
    }

    [Fact]
    public void Without_an_authorization_section_every_action_falls_back_to_the_environments_requesters()
    {
        var policy = PolicyLoader.Parse(PolicyText.Valid, PolicyText.Source);

        Assert.Same(AuthorizationPolicy.Defaults, policy.Access);
        Assert.Empty(policy.OwnersOf(PolicyAction.Cancel, "production").Entries);
        var verify = policy.OwnersOf(PolicyAction.Verify, "staging");
        Assert.Equal(["*"], verify.Entries);
        Assert.True(verify.IsDefault);
        Assert.Equal("authorization.verifiers", verify.PolicyKey);
        Assert.Equal("environments[staging].requesters", verify.StandIn);
        Assert.Equal(policy.Environments[1].Requesters, policy.OwnersOf(PolicyAction.WriteWindow, "production").Entries);
        Assert.Equal(policy.Environments[1].Requesters, policy.OwnersOf(PolicyAction.PostureChecklist, "production").Entries);
        Assert.True(policy.SeparatesDuties(isDevelopment: false));
        Assert.False(policy.SeparatesDuties(isDevelopment: true));
    }

    [Fact]
    public void The_authorization_section_names_who_may_do_what()
    {
        var yaml = PolicyText.Valid + """
            authorization:
              cancelers: [teams:00000000-0000-0000-0000-00000000000c]
              verifiers: [slack:U0VERIFIER]
              separation_of_duties: false
              posture_checklist: [teams:00000000-0000-0000-0000-00000000000d]
              write_window_approvers: []
            """;

        var policy = PolicyLoader.Parse(yaml, PolicyText.Source);

        Assert.Equal(["teams:00000000-0000-0000-0000-00000000000c"], policy.OwnersOf(PolicyAction.Cancel, "staging").Entries);
        var verify = policy.OwnersOf(PolicyAction.Verify, "staging");
        Assert.Equal(["slack:U0VERIFIER"], verify.Entries);
        Assert.Equal("authorization.verifiers", verify.PolicyKey);
        Assert.False(verify.IsDefault);
        Assert.Equal(["teams:00000000-0000-0000-0000-00000000000d"], policy.OwnersOf(PolicyAction.PostureChecklist, "production").Entries);
        Assert.Empty(policy.OwnersOf(PolicyAction.WriteWindow, "production").Entries);
        Assert.False(policy.SeparatesDuties(isDevelopment: false));
    }

    [Fact]
    public void Requesters_may_be_left_out_and_then_nobody_is_listed()
    {
        var yaml = PolicyText.Replace("    requesters: [\"*\"]", "");

        var policy = PolicyLoader.Parse(yaml, PolicyText.Source);

        Assert.Empty(policy.Environments[0].Requesters);
    }

    [Fact]
    public void Acknowledgement_expiry_defaults_to_ten_minutes_when_left_out()
    {
        var policy = PolicyLoader.Parse(PolicyText.Without("  expires_after: 5m"), PolicyText.Source);

        Assert.Equal(TimeSpan.FromMinutes(10), policy.Acknowledgement.ExpiresAfter);
        Assert.Equal(PolicyLoader.DefaultAcknowledgementExpiry, policy.Acknowledgement.ExpiresAfter);
    }

    // ---- one error each: the error names the line, column and key path ----

    [Theory]
    [InlineData("version: 1", "version: 2", "version", "version: 2", "unsupported version 2")]
    [InlineData("version: 1", "version: '1'", "version", "version:", "without quotes")]
    [InlineData("version: 1", "version: one", "version", "version:", "expected a whole number")]
    [InlineData("branch: main", "branch: [main]", "branch", "branch:", "expected a single value, found a list")]
    [InlineData("branch: main", "branch:", "branch", "branch:", "value is empty")]
    [InlineData("branch: main", "branch: ~", "branch", "branch:", "value is empty")]
    [InlineData("branch: main", "branch: 'release main'", "branch", "branch:", "must not contain spaces")]
    [InlineData("branch: main", "branch: main\nbrnach: main", "brnach", "brnach:", "unknown key 'brnach'")]
    [InlineData("workflow: .github/workflows/promotion.yml", "workflow: {path: promotion.yml}", "workflow", "workflow: {", "found a mapping")]
    [InlineData("    requesters: [\"*\"]", "    requesters: {everyone: true}", "environments[0].requesters", "requesters: {", "expected a list, found a mapping")]
    [InlineData("    read_only_posture: false", "    read_only_posture: false\n    colour: red", "environments[0].colour", "colour:", "unknown key 'colour'")]
    [InlineData("    allow_parity_skip: true", "    allow_parity_skip: yes", "environments[0].allow_parity_skip", "allow_parity_skip: yes", "expected true or false")]
    [InlineData("    allow_parity_skip: true", "    allow_parity_skip: 'true'", "environments[0].allow_parity_skip", "allow_parity_skip: 'true'", "without quotes")]
    [InlineData("    requesters: [\"*\"]", "    requesters: \"*\"", "environments[0].requesters", "requesters: \"*\"", "expected a list")]
    [InlineData("      - slack:U012ABCDEF", "      - someone", "environments[1].requesters[2]", "someone", "does not name a person")]
    [InlineData("      - slack:U012ABCDEF", "      - release.manager@example.com", "environments[1].requesters[2]", "release.manager@example.com", "is an e-mail address, which names nobody")]
    [InlineData("      - slack:U012ABCDEF", "      - teams:dana@example.com", "environments[1].requesters[2]", "teams:dana@example.com", "is an e-mail address")]
    [InlineData("  deploy: Deploy", "  deploy: Deploy\nauthorization:\n  cancelers: [ops@example.com]", "authorization.cancelers[0]", "ops@example.com", "names nobody")]
    [InlineData("  deploy: Deploy", "  deploy: Deploy\nauthorization:\n  verifiers: everyone", "authorization.verifiers", "verifiers:", "expected a list")]
    [InlineData("  deploy: Deploy", "  deploy: Deploy\nauthorization:\n  separation_of_duties: sometimes", "authorization.separation_of_duties", "separation_of_duties:", "expected true or false")]
    [InlineData("  deploy: Deploy", "  deploy: Deploy\nauthorization:\n  approvers: [\"*\"]", "authorization.approvers", "approvers:", "unknown key 'approvers'")]
    [InlineData("    allow_parity_skip: false", "    allow_parity_skip: TRUE", "environments[1].allow_parity_skip", "allow_parity_skip: TRUE", "production parity skip is impossible (runbook §2.4, §5.5)")]
    [InlineData("    read_only_posture: true", "    read_only_posture: False", "environments[1].read_only_posture", "read_only_posture: False", "read-only posture")]
    [InlineData("  phrase: I_ACCEPT_PARITY_SKIP", "  phrase: ' I_ACCEPT_PARITY_SKIP'", "acknowledgement.phrase", "phrase:", "starts or ends with whitespace")]
    [InlineData("  phrase: I_ACCEPT_PARITY_SKIP", "  phrase: \"I_ACCEPT_PARITY_SKIP \"", "acknowledgement.phrase", "phrase:", "starts or ends with whitespace")]
    [InlineData("  phrase: I_ACCEPT_PARITY_SKIP", "  phrase: ''", "acknowledgement.phrase", "phrase:", "value is empty")]
    [InlineData("  phrase: I_ACCEPT_PARITY_SKIP", "  phrase: I_ACCEPT_PARITY_SKIP\n  phrse: typo", "acknowledgement.phrse", "phrse:", "unknown key 'phrse' (expected one of: phrase, expires_after)")]
    [InlineData("  expires_after: 5m", "  expires_after: 90", "acknowledgement.expires_after", "expires_after:", "is not a duration")]
    [InlineData("  expires_after: 5m", "  expires_after: 0m", "acknowledgement.expires_after", "expires_after:", "longer than zero")]
    [InlineData("  expires_after: 5m", "  expires_after: -5m", "acknowledgement.expires_after", "expires_after:", "is not a duration")]
    [InlineData("  expires_after: 5m", "  expires_after: 1w", "acknowledgement.expires_after", "expires_after:", "is not a duration")]
    [InlineData("  expires_after: 5m", "  expires_after: 1.5h", "acknowledgement.expires_after", "expires_after:", "is not a duration")]
    [InlineData("  expires_after: 5m", "  expires_after: 10 m", "acknowledgement.expires_after", "expires_after:", "is not a duration")]
    [InlineData("  expires_after: 5m", "  expires_after: [5m]", "acknowledgement.expires_after", "expires_after:", "expected a duration, found a list")]
    [InlineData("    - GEMINI_API_KEY", "    - 9_GEMINI_API_KEY", "secrets.required[1]", "9_GEMINI_API_KEY", "not a valid secret name")]
    [InlineData("    - name: ENABLE_SCHEDULER", "    - name: ENABLE_JOBS", "posture.flags", "flags:", "must include ENABLE_SCHEDULER")]
    [InlineData("      purpose: Prevents data deletion", "      purpose: ''", "posture.flags[0].purpose", "purpose: ''", "value is empty")]
    [InlineData("  max_duration: 4h", "  max_duration: 12m", "write_windows.min_duration", "min_duration:", "min_duration (15m) is longer than max_duration (12m)")]
    [InlineData("  reminder_before_end: 10m", "  reminder_before_end: 4h", "write_windows.reminder_before_end", "reminder_before_end:", "must be shorter than max_duration (4h)")]
    [InlineData("  change_request_pattern: '^CR-[0-9]+$'", "  change_request_pattern: '^CR-[0-9+$'", "write_windows.change_request_pattern", "change_request_pattern:", "not a valid regular expression")]
    [InlineData("  max_age: 26h", "  max_age: 0s", "nightly_parity.max_age", "max_age:", "longer than zero")]
    [InlineData("  deploy: Deploy", "  deploy: ''", "gates.deploy", "deploy:", "value is empty")]
    [InlineData("  ci_gate: CI Gate", "  ci_gate: Validate Request", "gates.ci_gate", "ci_gate:", "job 'Validate Request' is already mapped to gates.validate_request")]
    public void Invalid_value_is_reported_at_its_line_and_key_path(string line, string replacement, string keyPath, string at, string message)
    {
        var yaml = PolicyText.Replace(line, replacement);

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal(keyPath, error.KeyPath);
        Assert.Equal(PolicyText.Locate(yaml, at), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyText.Source, error.Source);
    }

    [Theory]
    [InlineData("  artifact: promotion-parity-report", "nightly_parity.artifact", "nightly_parity:", "required key is missing")]
    [InlineData("branch: main", "branch", "version:", "required key is missing")]
    [InlineData("    read_only_posture: true", "environments[1].read_only_posture", "name: production", "required key is missing")]
    [InlineData("  parity_gate: Parity Gate", "gates.parity_gate", "gates:", "not mapped to a workflow job")]
    [InlineData("  validate_request: Validate Request", "gates.validate_request", "gates:", "not mapped to a workflow job")]
    public void Missing_key_is_reported_at_the_mapping_that_lacks_it(string removed, string keyPath, string at, string message)
    {
        var yaml = PolicyText.Without(removed);

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal(keyPath, error.KeyPath);
        Assert.Equal(PolicyText.Locate(yaml, at), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_parity_skip_is_rejected_with_the_runbook_reason()
    {
        var yaml = PolicyText.Replace("    allow_parity_skip: false", "    allow_parity_skip: true");
        var skip = PolicyText.LocateAll(yaml, "allow_parity_skip: true")[1];

        var failure = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(yaml, PolicyText.Source));

        var expected = $"{PolicyText.Source}:{skip.Line}:{skip.Column}: environments[1].allow_parity_skip: production parity skip is impossible (runbook §2.4, §5.5)";
        Assert.Equal(expected, Assert.Single(failure.Errors).ToString());
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_gate_is_reported_along_with_the_gate_it_displaced()
    {
        var yaml = PolicyText.Replace("  deploy: Deploy", "  smoke_gate: Smoke Tests");

        var errors = ErrorsOf(yaml);

        Assert.Equal(["gates.deploy", "gates.smoke_gate"], errors.Select(e => e.KeyPath));
        Assert.Equal(PolicyText.Locate(yaml, "gates:"), (errors[0].Line, errors[0].Column));
        Assert.Equal(PolicyText.Locate(yaml, "smoke_gate:"), (errors[1].Line, errors[1].Column));
        Assert.Contains("unknown key 'smoke_gate' (expected one of: validate_request, ci_gate, policy_gate, rehearsal_gate, parity_gate, deploy)", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_a_list_item_names_the_item()
    {
        var yaml = PolicyText.Replace("      purpose: Prevents automated jobs", "      purpose: Prevents automated jobs\n      default: false");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("posture.flags[1].default", error.KeyPath);
        Assert.Equal(PolicyText.Locate(yaml, "default: false"), (error.Line, error.Column));
    }

    [Fact]
    public void Duplicate_environment_is_reported_at_the_second_one()
    {
        var yaml = PolicyText.Replace("    requesters: [\"*\"]", "    requesters: [\"*\"]\n  - name: staging\n    allow_parity_skip: false\n    read_only_posture: false");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("environments[1].name", error.KeyPath);
        var (first, second) = (PolicyText.LocateAll(yaml, "name: staging")[0], PolicyText.LocateAll(yaml, "name: staging")[1]);
        Assert.Equal(second, (error.Line, error.Column));
        Assert.Contains($"duplicate environment 'staging' (first listed at line {first.Line} as environments[0].name)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_secret_is_reported_at_the_second_one()
    {
        var yaml = PolicyText.Replace("    - GEMINI_API_KEY", "    - MISTRAL_API_KEY");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("secrets.required[1]", error.KeyPath);
        Assert.Equal(PolicyText.LocateAll(yaml, "MISTRAL_API_KEY")[1], (error.Line, error.Column));
    }

    [Fact]
    public void Production_listed_before_staging_is_rejected_as_staging_first_violation()
    {
        var yaml = PolicyText.Valid
            .Replace("  - name: staging", "  - name: STAGING_SLOT", StringComparison.Ordinal)
            .Replace("  - name: production", "  - name: staging", StringComparison.Ordinal)
            .Replace("  - name: STAGING_SLOT", "  - name: production", StringComparison.Ordinal)
            .Replace("    allow_parity_skip: true", "    allow_parity_skip: false", StringComparison.Ordinal)
            .Replace("    read_only_posture: false", "    read_only_posture: true", StringComparison.Ordinal);

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("environments[0].name", error.KeyPath);
        Assert.Equal(PolicyText.Locate(yaml, "name: production"), (error.Line, error.Column));
        Assert.Contains("Always deploy to staging before production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_staging_is_rejected_at_the_environments_key()
    {
        var yaml = PolicyText.Replace("  - name: staging", "  - name: qa");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("environments", error.KeyPath);
        Assert.Equal(PolicyText.Locate(yaml, "environments:"), (error.Line, error.Column));
        Assert.Contains("'staging' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_production_is_rejected_at_the_environments_key()
    {
        var yaml = PolicyText.Replace("  - name: production", "  - name: prod");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("environments", error.KeyPath);
        Assert.Contains("'production' is missing", error.Message, StringComparison.Ordinal);
    }

    // ---- whole-document problems ----

    [Fact]
    public void Yaml_syntax_error_is_reported_with_its_position()
    {
        var yaml = PolicyText.Replace("branch: main", "branch: [main");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("", error.KeyPath);
        Assert.StartsWith("not valid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= PolicyText.Locate(yaml, "branch:").Line, $"syntax error reported at line {error.Line}");
        Assert.StartsWith($"{PolicyText.Source}:{error.Line}:{error.Column}: not valid YAML", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_a_yaml_error_at_the_second_key()
    {
        var yaml = PolicyText.Replace("branch: main", "branch: main\nbranch: develop");

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal(PolicyText.Locate(yaml, "branch: develop").Line, error.Line);
        Assert.Contains("branch", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    public void Empty_file_is_rejected(string yaml)
    {
        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Equal("the policy file is empty", error.Message);
    }

    [Fact]
    public void Root_must_be_a_mapping()
    {
        var error = Assert.Single(ErrorsOf("- version: 1\n"));

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("expected a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_yaml_document_is_rejected()
    {
        var yaml = PolicyText.Valid + "---\nversion: 1\n";

        var error = Assert.Single(ErrorsOf(yaml));

        Assert.Contains("expected one YAML document", error.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyText.Locate(yaml, "---").Line + 1, error.Line);
    }

    [Fact]
    public void Every_error_is_reported_together_in_file_order()
    {
        var yaml = PolicyText.Valid
            .Replace("version: 1", "version: 3", StringComparison.Ordinal)
            .Replace("    allow_parity_skip: false", "    allow_parity_skip: true", StringComparison.Ordinal)
            .Replace("  expires_after: 5m", "  expires_after: 5 minutes", StringComparison.Ordinal)
            .Replace("  deploy: Deploy", "  deploy: Deploy\n  smoke_gate: Smoke", StringComparison.Ordinal);

        var failure = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(yaml, PolicyText.Source));

        Assert.Equal(
            ["version", "environments[1].allow_parity_skip", "acknowledgement.expires_after", "gates.smoke_gate"],
            failure.Errors.Select(e => e.KeyPath));
        Assert.Equal(failure.Errors.OrderBy(e => e.Line).Select(e => e.Line), failure.Errors.Select(e => e.Line));
        Assert.Contains("(4 errors)", failure.Message, StringComparison.Ordinal);
        Assert.All(failure.Errors, error => Assert.Contains(error.ToString(), failure.Message, StringComparison.Ordinal));
        Assert.Equal(PolicyText.Source, failure.PolicySource);
    }

    // ---- files ----

    [Fact]
    public void Missing_file_is_reported_by_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-policy-{Guid.NewGuid():N}.yaml");

        var failure = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFile(path));

        var error = Assert.Single(failure.Errors);
        Assert.Equal($"{path}: policy file not found", error.ToString());
    }

    [Fact]
    public void File_errors_name_the_file_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, PolicyText.Replace("  max_age: 26h", "  max_age: 26"));
        try
        {
            var failure = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFile(path));

            var error = Assert.Single(failure.Errors);
            Assert.Equal(path, error.Source);
            Assert.StartsWith($"{path}:{PolicyText.Locate(PolicyText.Valid, "max_age:").Line}:3: nightly_parity.max_age: ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<PolicyError> ErrorsOf(string yaml) =>
        Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(yaml, PolicyText.Source)).Errors;
}
