namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>
/// Computes a run's state from the clock instead of timers, so a <c>FakeTimeProvider</c> drives it: one tick
/// (<c>StepDelay</c>) per change — queued → in_progress, then each job queued → in_progress → completed.
/// </summary>
internal static class RunTimeline
{
    public static RunPlan Plan(SimulatedRun run, TimeSpan tick)
    {
        var scenario = run.Scenario;
        RunPlan plan;
        DateTimeOffset? autoCancel = null;
        if (scenario.StayQueued)
        {
            plan = new RunPlan(null, null, null, [], null);
        }
        else
        {
            var started = run.CreatedAt + tick;
            var cursor = started;
            var jobs = new List<JobPlan>();
            var failed = false;
            var pending = false;
            DateTimeOffset? artifactAt = null;
            for (var i = 0; i < PromotionJobs.Names.Count && !pending; i++)
            {
                var name = PromotionJobs.Names[i];
                var id = run.JobIds[i];
                if (scenario.OmitJobs.Contains(name))
                {
                    continue;
                }

                if (failed || (name == PromotionJobs.ParityGate && run.ParitySkipped) || scenario.SkipJobs.Contains(name))
                {
                    jobs.Add(new JobPlan(i, name, id, cursor, null, cursor, cursor, "skipped", null));
                    continue;
                }

                var queued = cursor;
                DateTimeOffset? waitingFrom = null;
                var ready = queued;
                if (name == PromotionJobs.Deploy && (scenario.WaitForReview || run.ProtectionRuleTimeout is not null))
                {
                    waitingFrom = queued;
                    if (run.ReviewedAt is null && run.ProtectionRuleTimeout is { } timeout)
                    {
                        // Nobody answered the protection rule in time: GitHub fails the job.
                        jobs.Add(new JobPlan(i, name, id, queued, waitingFrom, queued + timeout, queued + timeout, "failure",
                            $"Deployment protection rule for {run.TargetEnvironment} timed out"));
                        failed = true;
                        cursor = queued + timeout;
                        continue;
                    }

                    if (run.ReviewedAt is not { } reviewed)
                    {
                        jobs.Add(new JobPlan(i, name, id, queued, waitingFrom, null, null, null, null));
                        pending = true;
                        continue;
                    }

                    ready = reviewed > queued ? reviewed : queued;
                    if (!run.ReviewApproved)
                    {
                        jobs.Add(new JobPlan(i, name, id, queued, waitingFrom, ready, ready, "failure",
                            $"Deployment to {run.TargetEnvironment} was rejected"));
                        failed = true;
                        cursor = ready;
                        continue;
                    }
                }

                var start = ready + tick;
                var end = start + tick;
                string? failure = null;
                if (i == 0 && run.ValidationFailure is not null)
                {
                    failure = run.ValidationFailure;
                }
                else if (scenario.FailAt == name)
                {
                    failure = scenario.FailureMessage ?? PromotionJobs.DefaultFailureMessage(name);
                }

                if (scenario.CancelAt == name)
                {
                    autoCancel = start + (tick / 2);
                }

                jobs.Add(new JobPlan(i, name, id, queued, waitingFrom, start, end, failure is null ? "success" : "failure", failure));
                if (name == PromotionJobs.ParityGate && scenario.UploadParityReport)
                {
                    artifactAt = end;
                }

                cursor = end;
                failed |= failure is not null;
            }

            plan = pending
                ? new RunPlan(started, null, null, jobs, artifactAt)
                : new RunPlan(started, cursor, failed ? "failure" : "success", jobs, artifactAt);
        }

        var cancel = Earliest(run.CancelledAt, autoCancel);
        return cancel is { } at && (plan.CompletedAt is null || at < plan.CompletedAt) ? Cancel(plan, at) : plan;
    }

    public static RunSnapshot Project(SimulatedRun run, RunPlan plan, DateTimeOffset now)
    {
        var updated = run.CreatedAt;
        void Seen(DateTimeOffset? at)
        {
            if (at is { } t && t <= now && t > updated)
            {
                updated = t;
            }
        }

        Seen(plan.StartedAt);
        Seen(plan.CompletedAt);
        var jobs = new List<JobSnapshot>();
        var waiting = false;
        foreach (var job in plan.Jobs.Where(j => j.QueuedAt <= now))
        {
            Seen(job.QueuedAt);
            Seen(job.StartedAt);
            Seen(job.CompletedAt);
            string status;
            if (job.CompletedAt is { } done && done <= now)
            {
                status = "completed";
            }
            else if (job.StartedAt is { } began && began <= now)
            {
                status = "in_progress";
            }
            else if (job.WaitingFrom is not null && (run.ReviewedAt is not { } reviewed || reviewed > now))
            {
                status = "waiting";
                waiting = true;
            }
            else
            {
                status = "queued";
            }

            jobs.Add(new JobSnapshot(
                job.Id,
                job.Name,
                status,
                status == "completed" ? job.Conclusion : null,
                job.StartedAt is { } st && st <= now ? st : job.QueuedAt,
                status == "completed" ? job.CompletedAt : null,
                Steps(run, job, status, now),
                status == "completed" ? job.FailureMessage : null));
        }

        string runStatus;
        if (plan.CompletedAt is { } runDone && runDone <= now)
        {
            runStatus = "completed";
        }
        else if (waiting)
        {
            runStatus = "waiting";
        }
        else if (plan.StartedAt is { } runBegan && runBegan <= now)
        {
            runStatus = "in_progress";
        }
        else
        {
            runStatus = "queued";
        }

        var artifactAt = plan.ArtifactAt is { } a && a <= now ? plan.ArtifactAt : null;
        return new RunSnapshot(
            run,
            runStatus,
            runStatus == "completed" ? plan.Conclusion : null,
            plan.StartedAt is { } rs && rs <= now ? rs : run.CreatedAt,
            updated,
            jobs,
            artifactAt,
            waiting);
    }

    private static IReadOnlyList<StepSnapshot> Steps(SimulatedRun run, JobPlan job, string status, DateTimeOffset now)
    {
        if (status is "queued" or "waiting" || job.Conclusion == "skipped" || job.StartedAt is not { } start)
        {
            return [];
        }

        var end = job.CompletedAt;
        var completed = status == "completed";
        var main = completed && job.FailureMessage is not null
            ? job.FailureMessage
            : PromotionJobs.MainStepName(job.Name, run.TargetEnvironment);
        var mainConclusion = completed ? job.Conclusion : null;
        return
        [
            new StepSnapshot("Set up job", 1, "completed", "success", start, start),
            new StepSnapshot(main, 2, completed ? "completed" : "in_progress", mainConclusion, start, completed ? end : null),
            new StepSnapshot("Complete job", 3, completed ? "completed" : "queued",
                completed ? (job.Conclusion == "cancelled" ? "cancelled" : "success") : null,
                completed ? end : null, completed ? end : null),
        ];
    }

    private static RunPlan Cancel(RunPlan plan, DateTimeOffset at)
    {
        if (plan.StartedAt is not { } started || at < started)
        {
            return new RunPlan(null, at, "cancelled", [], null);
        }

        var jobs = plan.Jobs.Select(job =>
        {
            if (job.CompletedAt is { } done && done <= at)
            {
                return job;
            }

            if (job.QueuedAt <= at)
            {
                var began = job.StartedAt is { } s && s <= at ? s : at;
                return job with { StartedAt = began, CompletedAt = at, Conclusion = "cancelled", FailureMessage = null };
            }

            return job with { QueuedAt = at, WaitingFrom = null, StartedAt = at, CompletedAt = at, Conclusion = "skipped", FailureMessage = null };
        }).ToList();
        var artifact = plan.ArtifactAt is { } a && a <= at ? plan.ArtifactAt : null;
        return new RunPlan(started, at, "cancelled", jobs, artifact);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}
