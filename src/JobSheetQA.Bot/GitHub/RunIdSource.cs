namespace JobSheetQA.Bot.GitHub;

/// <summary>How the gateway learned a dispatched run's id.</summary>
public enum RunIdSource
{
    /// <summary>The dispatch answered 200 with <c>workflow_run_id</c>.</summary>
    DispatchResponse,

    /// <summary>The dispatch answered 204 (or its outcome was unknown) and the run was found by its correlation id.</summary>
    CorrelationSearch,
}
