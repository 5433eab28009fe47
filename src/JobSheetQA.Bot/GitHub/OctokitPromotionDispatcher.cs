using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using JobSheetQA.Bot.GitHub.Client;
using Microsoft.Extensions.Logging;
using Octokit;

namespace JobSheetQA.Bot.GitHub;

/// <summary>Dispatches <c>promotion.yml</c> and learns its run id, as src/JobSheetQA.Bot/GitHub/README.md ("Dispatch and the
/// run id") describes (the endpoint: https://docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event):
/// the POST asks for <c>return_run_details</c> under API version 2026-03-10 and reads <c>workflow_run_id</c> from a 200;
/// a 204 (or a server that rejects the field with 400, retried once without it) falls back to finding the run by the
/// correlation id in its title. The dispatch is not idempotent, so after a timeout or 5xx the gateway searches for the
/// correlation id and never sends the POST again: a promotion is never dispatched twice.</summary>
internal sealed class OctokitPromotionDispatcher(
    GitHubApiExecutor api,
    IGitHubDelayer delayer,
    TimeProvider timeProvider,
    ILogger<OctokitPromotionDispatcher> logger) : IPromotionDispatcher
{
    /// <summary>Runs are listed from this long before the dispatch, for clock skew between us and GitHub.</summary>
    internal static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(2);

    /// <summary>After this long the correlation search polls three times less often.</summary>
    internal static readonly TimeSpan FastPollingPeriod = TimeSpan.FromSeconds(30);

    /// <summary>How long this process remembers that it sent a promotion's dispatch.</summary>
    internal static readonly TimeSpan SentMemory = TimeSpan.FromDays(1);

    // Correlation ids this process has sent (or may have sent) a dispatch for, with the search start time.
    private readonly ConcurrentDictionary<string, DateTimeOffset> sent = new(StringComparer.Ordinal);

    // One dispatch at a time per ref: concurrent dispatches are only told apart by their correlation ids
    // (src/JobSheetQA.Bot/GitHub/README.md, "Dispatch and the run id").
    private readonly ConcurrentDictionary<string, SemaphoreSlim> refLocks = new(StringComparer.Ordinal);

    public async Task<GitHubResult<DispatchedRun>> DispatchAsync(PromotionDispatch dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatch.CorrelationId);
        // Refused before anything is remembered as sent: no request left, so a corrected one may be sent later.
        var check = new GitHubOperation("workflows.dispatch", $"dispatch {api.Target.Workflow} on {GitHubPaths.Printable(dispatch.Ref)}", "Actions: write", Idempotent: false);
        if (api.RefuseRef(check, "Ref", dispatch.Ref) is { } refused)
        {
            return refused;
        }

        var gate = refLocks.GetOrAdd(dispatch.Branch, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var since = timeProvider.GetUtcNow() - ClockSkewAllowance;
            ForgetOldDispatches(since);
            if (!sent.TryAdd(dispatch.CorrelationId, since))
            {
                GitHubLog.AlreadyDispatched(logger, dispatch.CorrelationId);
                return await AwaitCorrelatedRunAsync(dispatch, sent[dispatch.CorrelationId], "it was already dispatched", cancellationToken);
            }

            var workflow = api.Target.Workflow;
            GitHubLog.Dispatching(logger, workflow, dispatch.Ref, dispatch.CorrelationId, dispatch.Environment, true);
            var posted = await PostAsync(dispatch, returnRunDetails: true, cancellationToken);
            if (!posted.Succeeded && posted.Error.StatusCode == 400)
            {
                // GHES ≤ 3.20 rejects the field (or the 2026-03-10 version). A 400 created no run, so one legacy retry is safe.
                GitHubLog.DispatchLegacyRetry(logger, dispatch.CorrelationId);
                using (ApiVersionPinHandler.SuppressForCurrentFlow())
                {
                    posted = await PostAsync(dispatch, returnRunDetails: false, cancellationToken);
                }
            }

            if (posted.Succeeded)
            {
                var response = posted.Value;
                var status = (int)response.HttpResponse.StatusCode;
                var details = response.Body;
                GitHubLog.Dispatched(logger, dispatch.CorrelationId, status, details?.WorkflowRunId);
                if (status == (int)HttpStatusCode.OK && details is { WorkflowRunId: > 0 })
                {
                    return new DispatchedRun(details.WorkflowRunId, details.HtmlUrl, RunIdSource.DispatchResponse);
                }

                return await AwaitCorrelatedRunAsync(dispatch, since, $"GitHub accepted it (HTTP {status}) without a run id", cancellationToken);
            }

            var error = posted.Error;
            if (error.Kind is GitHubErrorKind.Timeout or GitHubErrorKind.Unavailable)
            {
                // The POST may have been processed: look for the run, never re-send.
                GitHubLog.DispatchOutcomeUnknown(logger, dispatch.CorrelationId, error.Kind);
                return await AwaitCorrelatedRunAsync(dispatch, since, $"the dispatch's outcome is unknown ({error.Message})", cancellationToken);
            }

            // GitHub refused the dispatch outright, so no run exists and a corrected request may be sent later.
            sent.TryRemove(dispatch.CorrelationId, out _);
            return Explain(error, dispatch);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<GitHubResult<DispatchedRun?>> FindRunByCorrelationIdAsync(string correlationId, string branch, DateTimeOffset createdSince, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var t = api.Target;
        var operation = new GitHubOperation("runs.list.correlation", $"list {t.Workflow} runs on {GitHubPaths.Printable(branch)}", "Actions: read");
        if (api.RefuseRef(operation, "Branch", branch) is { } refused)
        {
            return refused;
        }

        var request = new WorkflowRunsRequest
        {
            Event = "workflow_dispatch",
            Branch = branch,
            Created = ">=" + createdSince.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        var uri = OctokitRepositoryFacts.WorkflowRunsPath(t, t.Workflow);
        var parameters = OctokitRepositoryFacts.WorkflowRunsParameters(request, pageSize: 100);
        var listed = await api.RunAsync(
            operation,
            async (c, ct) => (await c.Connection.Get<WorkflowRunsResponse>(uri, parameters, null, ct)).Body,
            cancellationToken);
        if (!listed.Succeeded)
        {
            return listed.Error;
        }

        var marker = PromotionDispatch.CorrelationMarkerFor(correlationId);
        var run = listed.Value.WorkflowRuns
            .Where(r => r.DisplayTitle is not null && r.DisplayTitle.Contains(marker, StringComparison.Ordinal))
            .OrderBy(r => r.Id)
            .FirstOrDefault();
        return GitHubResult<DispatchedRun?>.Success(run is null ? null : new DispatchedRun(run.Id, run.HtmlUrl, RunIdSource.CorrelationSearch));
    }

    /// <summary>A promotion id is only re-used by retries and restarts within hours; a day of memory is plenty.</summary>
    private void ForgetOldDispatches(DateTimeOffset now)
    {
        foreach (var (id, since) in sent)
        {
            if (now - since > SentMemory)
            {
                sent.TryRemove(id, out _);
            }
        }
    }

    private Task<GitHubResult<IApiResponse<DispatchRunDetails>>> PostAsync(PromotionDispatch dispatch, bool returnRunDetails, CancellationToken cancellationToken)
    {
        var t = api.Target;
        var uri = new Uri($"{OctokitRepositoryFacts.RepositoryPath(t)}/actions/workflows/{GitHubPaths.Segment(t.Workflow)}/dispatches", UriKind.Relative);
        var body = new DispatchRequestBody
        {
            Ref = dispatch.Ref,
            Inputs = dispatch.Inputs().ToDictionary(kv => kv.Key, kv => (object)kv.Value, StringComparer.Ordinal),
            ReturnRunDetails = returnRunDetails ? true : null,
        };
        return api.RunAsync(
            new GitHubOperation("workflows.dispatch", $"dispatch {t.Workflow} on {dispatch.Branch}", "Actions: write", Idempotent: false),
            (c, ct) => c.Connection.Post<DispatchRunDetails>(uri, body, "application/vnd.github+json", "application/json", parameters: null, cancellationToken: ct),
            cancellationToken);
    }

    private async Task<GitHubResult<DispatchedRun>> AwaitCorrelatedRunAsync(PromotionDispatch dispatch, DateTimeOffset since, string why, CancellationToken cancellationToken)
    {
        var options = api.Options;
        var deadline = timeProvider.GetUtcNow() + options.CorrelationTimeout;
        var waited = TimeSpan.Zero;
        GitHubError? lastError = null;
        for (var polls = 1; ; polls++)
        {
            var found = await FindRunByCorrelationIdAsync(dispatch.CorrelationId, dispatch.Branch, since, cancellationToken);
            if (found.Succeeded && found.Value is { } run)
            {
                GitHubLog.CorrelatedRun(logger, run.RunId, dispatch.CorrelationId, polls);
                return run;
            }

            if (!found.Succeeded)
            {
                if (found.Error.Kind is not (GitHubErrorKind.Timeout or GitHubErrorKind.Unavailable or GitHubErrorKind.RateLimited))
                {
                    return found.Error;
                }

                lastError = found.Error;
            }

            // Both bounds: the summed waits keep tests with instant delays finite, the clock keeps slow polls honest.
            if (waited >= options.CorrelationTimeout || timeProvider.GetUtcNow() >= deadline)
            {
                GitHubLog.CorrelationTimedOut(logger, dispatch.CorrelationId, polls);
                var t = api.Target;
                var minutes = options.CorrelationTimeout.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);
                var last = lastError is null ? string.Empty : $" Last error: {lastError.Message}.";
                return new GitHubError(
                    GitHubErrorKind.RunNotFound,
                    $"Promotion {dispatch.CorrelationId} was sent to {t.Workflow} on {dispatch.Branch} but {why}, and no run titled " +
                    $"'{dispatch.ExpectedRunName}' appeared within {minutes} min. It was not dispatched again, so it cannot run twice; " +
                    $"check the Actions tab of {t.FullName} before promoting again.{last}");
            }

            var interval = waited < FastPollingPeriod ? options.CorrelationPollInterval : options.CorrelationPollInterval * 3;
            await delayer.DelayAsync(interval, cancellationToken);
            waited += interval;
        }
    }

    private GitHubError Explain(GitHubError error, PromotionDispatch dispatch)
    {
        var t = api.Target;
        return error.Kind switch
        {
            GitHubErrorKind.Forbidden => error with { Message = $"token lacks Actions: write on {t.FullName}; GitHub refused to dispatch {t.Workflow}." },
            GitHubErrorKind.NotFound => error with { Message = $"{t.Workflow} not found on {dispatch.Branch} in {t.FullName}." },
            GitHubErrorKind.Validation when error.Message.Contains("disabled", StringComparison.OrdinalIgnoreCase) =>
                error with { Message = $"{t.Workflow} is disabled in {t.FullName}; enable it in the Actions tab before promoting." },
            GitHubErrorKind.Validation when error.Message.Contains("No ref found", StringComparison.OrdinalIgnoreCase) =>
                error with { Message = $"{dispatch.Ref} not found in {t.FullName}, so {t.Workflow} cannot run from it." },
            GitHubErrorKind.Validation when error.Message.Contains("workflow_dispatch", StringComparison.OrdinalIgnoreCase) =>
                error with { Message = $"{t.Workflow} on {dispatch.Branch} has no workflow_dispatch trigger, so it cannot be started from the bot." },
            GitHubErrorKind.Validation => error with { Message = $"GitHub rejected the promotion inputs for {t.Workflow} on {dispatch.Branch}: {error.Message}" },
            _ => error,
        };
    }
}
