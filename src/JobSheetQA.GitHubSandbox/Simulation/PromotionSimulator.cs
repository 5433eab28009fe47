using System.Globalization;
using System.Text.Json;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>Creates and inspects simulated runs of the repository's workflows.</summary>
internal sealed class PromotionSimulator(SandboxState state)
{
    /// <summary>GitHub keeps artifacts 90 days by default.</summary>
    public static readonly TimeSpan ArtifactRetention = TimeSpan.FromDays(90);

    public const string ReturnRunDetailsVersion = "2026-03-10";

    /// <summary>Deployment ids are the run id plus this, so they never look like run ids.</summary>
    private const long DeploymentIdBase = 7_000_000;

    private readonly Dictionary<long, byte[]> zips = [];

    private TimeSpan Tick => state.Options.StepDelay;

    public DispatchOutcome Dispatch(string workflowIdOrFile, JsonElement body, string? apiVersion, string actor, bool fromActionsTab = false)
    {
        lock (state.Sync)
        {
            var repository = state.Repository;
            var workflow = WorkflowFileRef.Find(repository, workflowIdOrFile);
            if (workflow is null)
            {
                return DispatchOutcome.Error(404, "Not Found");
            }

            if (body.ValueKind != JsonValueKind.Object)
            {
                return DispatchOutcome.Error(400, "Problems parsing JSON");
            }

            var definition = WorkflowDefinition.Parse(workflow.Text);
            if (!definition.HasWorkflowDispatch)
            {
                return DispatchOutcome.Error(422, definition.ParseError ?? "Workflow does not have 'workflow_dispatch' trigger");
            }

            if (repository.WorkflowState != "active")
            {
                return DispatchOutcome.Error(422, "Cannot trigger a 'workflow_dispatch' on a disabled workflow");
            }

            var scenario = state.PeekScenario();
            var hasReturnFlag = body.TryGetProperty("return_run_details", out var returnFlag);
            if (hasReturnFlag && scenario.DispatchResponse == DispatchResponseMode.RejectReturnRunDetails)
            {
                // GHES 3.20 and older do not know the field
                // (src/JobSheetQA.Bot/GitHub/README.md, "Dispatch and the run id", step 3).
                return DispatchOutcome.Error(400, "Invalid request.\n\n\"return_run_details\" is not a permitted key.");
            }

            if (!body.TryGetProperty("ref", out var refElement) || refElement.ValueKind != JsonValueKind.String)
            {
                return DispatchOutcome.Error(422, "Invalid request.\n\n\"ref\" wasn't supplied.");
            }

            var requestedRef = refElement.GetString()!;
            var branch = requestedRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? requestedRef["refs/heads/".Length..] : requestedRef;
            if (!repository.Branches.TryGetValue(branch, out var headSha))
            {
                return DispatchOutcome.Error(422, $"No ref found for: {requestedRef}");
            }

            var provided = new Dictionary<string, string>(StringComparer.Ordinal);
            if (body.TryGetProperty("inputs", out var inputsElement) && inputsElement.ValueKind != JsonValueKind.Null)
            {
                if (inputsElement.ValueKind != JsonValueKind.Object)
                {
                    return DispatchOutcome.Error(422, "Invalid request.\n\nFor 'properties/inputs', it is not an object.");
                }

                foreach (var input in inputsElement.EnumerateObject())
                {
                    if (input.Value.ValueKind != JsonValueKind.String)
                    {
                        // GitHub's schema: every input value is a string (send "true", not true).
                        return DispatchOutcome.Error(422, $"Invalid request.\n\nFor 'properties/{input.Name}', {input.Value.GetRawText()} is not a string.");
                    }

                    provided[input.Name] = input.Value.GetString()!;
                }
            }

            var inputError = CheckInputs(definition, provided);
            if (inputError is not null)
            {
                return DispatchOutcome.Error(422, inputError);
            }

            var inputs = new Dictionary<string, string>(provided, StringComparer.Ordinal);
            foreach (var declared in definition.Inputs.Values)
            {
                if (!inputs.ContainsKey(declared.Name) && declared.Default is not null)
                {
                    inputs[declared.Name] = declared.Default;
                }
            }

            scenario = state.TakeScenario();
            var workflowName = definition.Name ?? workflow.Path;
            var runId = state.NextRunId++;
            var gated = state.Options.ProtectionRule is { } rule
                && inputs.TryGetValue("target_environment", out var target) && rule.Environments.Contains(target);
            var run = new SimulatedRun
            {
                Id = runId,
                StartedFromActionsTab = fromActionsTab,
                ProtectionRuleTimeout = gated ? state.Options.ProtectionRule!.Timeout : null,
                DeploymentId = DeploymentIdBase + runId,
                RunNumber = state.Runs.Count(r => r.WorkflowId == workflow.Id) + 1,
                WorkflowId = workflow.Id,
                WorkflowFile = workflow.Path,
                WorkflowName = workflowName,
                DisplayTitle = definition.DisplayTitle(inputs, workflowName),
                HeadBranch = branch,
                HeadSha = headSha,
                Actor = actor,
                Inputs = inputs,
                Scenario = scenario,
                CreatedAt = state.Time.GetUtcNow(),
                JobIds = PromotionJobs.Names.Select(_ => state.NextJobId++).ToList(),
                ArtifactId = state.NextArtifactId++,
                ValidationFailure = RequestValidation.Check("refs/heads/" + branch, inputs),
                ParitySkipped = RequestValidation.SkipsParity(inputs),
            };
            state.Runs.Add(run);
            state.SaveRuns();

            var wantsDetails = hasReturnFlag && returnFlag.ValueKind == JsonValueKind.True
                && apiVersion == ReturnRunDetailsVersion
                && scenario.DispatchResponse == DispatchResponseMode.Auto;
            return new DispatchOutcome(wantsDetails ? 200 : 204, null, run, wantsDetails);
        }
    }

    public RunSnapshot? Snapshot(long runId)
    {
        lock (state.Sync)
        {
            var run = state.Runs.FirstOrDefault(r => r.Id == runId);
            return run is null ? null : SnapshotOf(run);
        }
    }

    /// <summary>All runs, newest first.</summary>
    public IReadOnlyList<RunSnapshot> Snapshots()
    {
        lock (state.Sync)
        {
            return state.Runs.AsEnumerable().Reverse().Select(SnapshotOf).ToList();
        }
    }

    /// <summary>202, 404, or 409 when the run has completed.</summary>
    public int Cancel(long runId)
    {
        lock (state.Sync)
        {
            var run = state.Runs.FirstOrDefault(r => r.Id == runId);
            if (run is null)
            {
                return 404;
            }

            if (SnapshotOf(run).Status == "completed")
            {
                return 409;
            }

            run.CancelledAt = state.Time.GetUtcNow();
            state.SaveRuns();
            return 202;
        }
    }

    /// <summary>Approves or rejects a pending environment review: 200, 404, or 409 when nothing waits.</summary>
    public int Review(long runId, bool approve)
    {
        lock (state.Sync)
        {
            var run = state.Runs.FirstOrDefault(r => r.Id == runId);
            if (run is null)
            {
                return 404;
            }

            if (!SnapshotOf(run).WaitingForReview)
            {
                return 409;
            }

            run.ReviewedAt = state.Time.GetUtcNow();
            run.ReviewApproved = approve;
            state.SaveRuns();
            return 200;
        }
    }

    /// <summary>
    /// The protection rule's answer (<c>POST …/actions/runs/{id}/deployment_protection_rule</c>): 204 taken; 404 unknown run;
    /// 422 when the run is not waiting for the rule on that environment (also a second decisive answer).
    /// </summary>
    public (int Status, string? Message) ReviewProtectionRule(long runId, string? environment, bool approve, string? comment)
    {
        lock (state.Sync)
        {
            var run = state.Runs.FirstOrDefault(r => r.Id == runId);
            if (run is null)
            {
                return (404, null);
            }

            run.ProtectionRuleReviews++;
            state.SaveRuns();
            if (run.ProtectionRuleTimeout is null || environment != run.TargetEnvironment)
            {
                return (422, $"No deployment protection rule waits for environment '{environment}' in this run");
            }

            if (!SnapshotOf(run).WaitingForReview)
            {
                return (422, "The deployment protection rule of this run was already answered");
            }

            run.ReviewedAt = state.Time.GetUtcNow();
            run.ReviewApproved = approve;
            run.ReviewComment = comment;
            state.SaveRuns();
            return (204, null);
        }
    }

    /// <summary>Runs whose Deploy job waits for the protection rule and whose webhook has not been sent.</summary>
    public IReadOnlyList<SimulatedRun> AwaitingProtectionRuleDelivery()
    {
        lock (state.Sync)
        {
            return state.Runs.Where(r => r.ProtectionRuleTimeout is not null && r.ProtectionRuleNotifiedAt is null && SnapshotOf(r).WaitingForReview).ToList();
        }
    }

    public void MarkProtectionRuleDelivered(long runId)
    {
        lock (state.Sync)
        {
            if (state.Runs.FirstOrDefault(r => r.Id == runId) is { } run)
            {
                run.ProtectionRuleNotifiedAt = state.Time.GetUtcNow();
                state.SaveRuns();
            }
        }
    }

    public SimulatedRun? Run(long runId)
    {
        lock (state.Sync)
        {
            return state.Runs.FirstOrDefault(r => r.Id == runId);
        }
    }

    public ArtifactView? Artifact(long artifactId)
    {
        lock (state.Sync)
        {
            var run = state.Runs.FirstOrDefault(r => r.ArtifactId == artifactId);
            return run is null ? null : ArtifactOf(SnapshotOf(run));
        }
    }

    public ArtifactView? ArtifactOf(RunSnapshot snapshot)
    {
        if (snapshot.ArtifactCreatedAt is not { } created)
        {
            return null;
        }

        lock (state.Sync)
        {
            var run = snapshot.Run;
            if (!zips.TryGetValue(run.ArtifactId, out var zip))
            {
                zip = ParityReports.Zip(ParityReports.ReportFor(run), created, run.Scenario.ParityReportEntry);
                zips[run.ArtifactId] = zip;
            }

            var now = state.Time.GetUtcNow();
            var expiresAt = created + ArtifactRetention;
            if (run.ArtifactExpiredAt is { } manual && manual < expiresAt)
            {
                expiresAt = manual;
            }

            return new ArtifactView(run.ArtifactId, PromotionJobs.ParityArtifactName, snapshot, created, expiresAt, now >= expiresAt, zip);
        }
    }

    public bool ExpireArtifact(long artifactId)
    {
        lock (state.Sync)
        {
            var run = state.Runs.FirstOrDefault(r => r.ArtifactId == artifactId);
            if (run is null)
            {
                return false;
            }

            run.ArtifactExpiredAt = state.Time.GetUtcNow();
            state.SaveRuns();
            return true;
        }
    }

    public void Forget()
    {
        lock (state.Sync)
        {
            zips.Clear();
        }
    }

    public static RunSummary Summarise(RunSnapshot snapshot) => new(
        snapshot.Run.Id,
        snapshot.Run.RunNumber,
        snapshot.Run.WorkflowFile,
        snapshot.Run.HeadBranch,
        snapshot.Run.HeadSha,
        snapshot.Run.Inputs,
        snapshot.Run.Scenario,
        snapshot.Status,
        snapshot.Conclusion,
        snapshot.Run.DisplayTitle,
        snapshot.Run.CreatedAt,
        snapshot.Jobs.Select(j => new JobSummary(j.Id, j.Name, j.Status, j.Conclusion, j.FailureMessage)).ToList(),
        snapshot.ArtifactCreatedAt is null ? null : snapshot.Run.ArtifactId)
    {
        Actor = snapshot.Run.Actor,
        StartedFromActionsTab = snapshot.Run.StartedFromActionsTab,
        ProtectionRule = snapshot.Run.ProtectionRuleTimeout is null
            ? null
            : new ProtectionRuleSummary(snapshot.Run.ReviewedAt is null ? null : snapshot.Run.ReviewApproved ? "approved" : "rejected",
                snapshot.Run.ReviewComment, snapshot.Run.ProtectionRuleReviews, snapshot.Run.ProtectionRuleNotifiedAt),
    };

    private RunSnapshot SnapshotOf(SimulatedRun run) =>
        RunTimeline.Project(run, RunTimeline.Plan(run, Tick), state.Time.GetUtcNow());

    private static string? CheckInputs(WorkflowDefinition definition, IReadOnlyDictionary<string, string> provided)
    {
        var unexpected = provided.Keys.Where(k => !definition.Inputs.ContainsKey(k)).ToList();
        if (unexpected.Count > 0)
        {
            return $"Unexpected inputs provided: {JsonSerializer.Serialize(unexpected)}";
        }

        foreach (var input in definition.Inputs.Values)
        {
            if (!provided.TryGetValue(input.Name, out var value))
            {
                if (input.Required && input.Default is null)
                {
                    return $"Required input '{input.Name}' not provided";
                }

                continue;
            }

            if (input.Type == "choice" && !input.Options.Contains(value))
            {
                return $"Provided value '{value}' for input '{input.Name}' not in the list of allowed values";
            }

            if (input.Type == "boolean" && value is not ("true" or "false"))
            {
                return $"Provided value '{value}' for input '{input.Name}' is not a valid boolean";
            }

            if (input.Type == "number" && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return $"Provided value '{value}' for input '{input.Name}' is not a valid number";
            }
        }

        return null;
    }
}
