using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using DecisionSummaryRecord = JobSheetQA.Bot.Storage.DecisionSummary;

namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>One promotion request and where it stands: the row of the promotion state machine (<c>Promotions/PromotionLifecycle</c>).</summary>
public sealed class PromotionEntity
{
    /// <summary>Short unique id shown in chat (<see cref="PromotionIds.New"/>).</summary>
    public required string Id { get; set; }

    public required string Environment { get; set; }

    public required string Ref { get; set; }

    public required string CommitSha { get; set; }

    public bool SkipParity { get; set; }

    public bool UseNightlyParity { get; set; }

    /// <summary>The channel that authenticated the requester (<c>teams</c>, <c>slack</c>).</summary>
    public required string RequesterChannel { get; set; }

    public required string RequesterUserId { get; set; }

    public required string RequesterDisplayName { get; set; }

    public string? RequesterEmail { get; set; }

    public PromotionState State { get; set; }

    /// <summary>Where it was started: chat, or the Actions tab (seen by the deployment protection rule).</summary>
    public PromotionSource Source { get; set; } = PromotionSource.Chat;

    /// <summary>The id passed to the workflow so its run can be found when dispatch returns no run id.</summary>
    public required string CorrelationId { get; set; }

    public long? RunId { get; set; }

    public string? RunUrl { get; set; }

    /// <summary>The commit the workflow run built (its <c>head_sha</c>), recorded when the tracker reads the run; null until then.</summary>
    public string? RunHeadSha { get; set; }

    /// <summary>Why the tracker failed the promotion although its run may have finished (<see cref="PromotionFailure"/>); null otherwise.</summary>
    public PromotionFailure? Failure { get; set; }

    /// <summary>The gate a <see cref="Failure"/> about a gate names; null otherwise.</summary>
    public PromotionStep? FailureGate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the bot dispatched the workflow (set by the move to Dispatched): a run not found is judged from here, not from the request.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>When the workflow run finished (succeeded, failed or cancelled).</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public Verdict? DecisionVerdict { get; set; }

    /// <summary>The decision as JSON (<see cref="DecisionSummary"/>): verdict and the rule ids that raised findings.</summary>
    public string? DecisionSummary { get; set; }

    /// <summary>The conversation the request came from; status cards and outcomes go back there.</summary>
    public long? ConversationReferenceId { get; set; }

    /// <summary>
    /// The thread of that conversation the request came from (a Slack thread's ts; in Teams the conversation id names
    /// the thread already); the status card, outcome and notices about the promotion go into it. Null: the conversation itself.
    /// </summary>
    public string? ConversationThreadId { get; set; }

    /// <summary>The Teams activity id or Slack message ts of the status card, so it can be updated in place.</summary>
    public string? StatusCardMessageId { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every save (two workers cannot both move the same promotion).</summary>
    public int RowVersion { get; set; }

    public List<GateResultEntity> GateResults { get; set; } = [];

    /// <summary>Keeps the decision's verdict (queryable) and its summary (rule ids) on the row.</summary>
    public void RecordDecision(Decision decision)
    {
        var summary = DecisionSummaryRecord.From(decision);
        DecisionVerdict = summary.Verdict;
        DecisionSummary = summary.ToJson();
    }

    public DecisionSummaryRecord? ReadDecision() => DecisionSummaryRecord.FromJson(DecisionSummary);

    /// <summary>
    /// False when the run built another commit than <see cref="CommitSha"/> (the one judged): such a run is never evidence
    /// that the commit was deployed. True while the run's commit is not known (rows from before it was recorded).
    /// </summary>
    public bool RunBuiltJudgedCommit => RunHeadSha is null || string.Equals(RunHeadSha, CommitSha, StringComparison.OrdinalIgnoreCase);

    public RequesterIdentity ToRequester() => new(RequesterChannel, RequesterUserId, RequesterDisplayName, RequesterEmail);

    /// <summary>True when <paramref name="who"/> is the person who asked for this promotion (same channel, same user id).</summary>
    public bool IsRequestedBy(RequesterIdentity who) => RequesterChannel == who.Channel && RequesterUserId == who.UserId;
}
