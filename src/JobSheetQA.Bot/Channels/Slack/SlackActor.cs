namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Where a Slack request comes from, as its signed payload says, for <see cref="SlackWorkspaceGate"/>: the workspace
/// (and Enterprise Grid organisation) the app is acting in, the workspace of the person acting, and whether the channel is
/// shared with other organisations (Slack Connect).
/// </summary>
/// <param name="TeamId">
/// The workspace the request is for: an event's <c>authorizations[0].team_id</c> (top-level <c>team_id</c> names the
/// channel's originating workspace in a shared channel, so it is only the fallback), a command's <c>team_id</c>, an
/// interaction's <c>team.id</c>.
/// </param>
/// <param name="EnterpriseId">Its Enterprise Grid organisation, when it has one (<c>enterprise_id</c>, <c>enterprise.id</c>).</param>
/// <param name="UserTeamId">
/// The acting person's own workspace when the payload names it: an event's <c>event.user_team</c> (else
/// <c>event.team</c>), an interaction's <c>user.team_id</c>. A slash command names none: Slack offers the command only in
/// workspaces where the app is installed, and its <c>team_id</c> is the invoker's.
/// </param>
/// <param name="ExternallyShared">An event's <c>is_ext_shared_channel</c>; null where the payload does not say.</param>
public sealed record SlackActor(string? TeamId, string? EnterpriseId, string? UserTeamId, bool? ExternallyShared);
