namespace JobSheetQA.Bot.GitHub;

/// <summary>An environment review holding a run (status <c>waiting</c>).</summary>
/// <param name="EnvironmentId">The environment's id (needed to approve or reject).</param>
/// <param name="EnvironmentName">e.g. <c>production</c>.</param>
/// <param name="WaitTimerMinutes">The environment's wait timer.</param>
/// <param name="CurrentUserCanApprove">Whether the bot's own identity could approve (an App never can).</param>
/// <param name="Reviewers">Logins or team slugs of the required reviewers.</param>
public sealed record PendingDeployment(
    long EnvironmentId,
    string EnvironmentName,
    int WaitTimerMinutes,
    bool CurrentUserCanApprove,
    IReadOnlyList<string> Reviewers);
