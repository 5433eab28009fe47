using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Decides, for every parsed Slack request (HTTP and Socket Mode alike), whether the platform vouches for the person in
/// it: the workspace the app acts in must be on <c>Slack:AllowedTeams</c> (by team id, or by its Enterprise Grid id),
/// and the person must belong to it. A request from any other workspace is not turned into a turn; nor, unless
/// <c>Slack:AllowExternalUsers</c>, is one from a person of another organisation acting in a shared channel
/// (Slack Connect). Refused events are acknowledged and dropped (Slack must not retry them); refused commands and
/// clicks get a one-line ephemeral answer through their <c>response_url</c>. Each refusal is one Warning line with the
/// ids involved (never a token or a <c>response_url</c>).
/// </summary>
/// <remarks>
/// Why an external person is refused rather than let in unverified: an unverified identity may still read (status,
/// history, readiness, posture, the policy), and all of that describes another organisation's deployments to someone
/// outside it; their user id is not one this workspace's policy can name; and refusing here does not rely on the
/// deciding modules enforcing read-only. <c>Slack:AllowExternalUsers=true</c> is the operator saying those people may
/// read: they are then admitted with <c>Verified=false</c>, never as verified users.
/// </remarks>
public sealed class SlackWorkspaceGate(IOptions<SlackOptions> options, IHostEnvironment environment, ILogger<SlackWorkspaceGate> logger)
{
    public const string WorkspaceNotAllowed = "This Slack workspace is not allowed to use this bot.";

    public const string ExternalUserNotAllowed = "People from other organisations cannot use this bot here.";

    private readonly HashSet<string> allowed = new(options.Value.AllowedTeams ?? [], StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="parsed"/> unchanged when it is no turn or the gate lets it through; the turn with an unverified
    /// sender for an admitted external person; otherwise a refusal (a turn that only answers, or an ignored request).
    /// </summary>
    /// <param name="parsed">A parsed request.</param>
    /// <param name="source">Where it came from, for the log (the path, or the Socket Mode envelope type).</param>
    public SlackInboundParse Admit(SlackInboundParse parsed, string source)
    {
        if (parsed.Turn is not { } turn)
            return parsed;
        var actor = parsed.Actor ?? new SlackActor(null, null, null, null);
        var user = turn.Message.Sender.UserId;

        if (!WorkspaceAllowed(actor))
        {
            SlackLog.WorkspaceRefused(logger, source, actor.TeamId ?? "(none)", actor.EnterpriseId ?? "(none)", user);
            return Refuse(turn, WorkspaceNotAllowed);
        }

        if (BelongsToWorkspace(actor))
            return parsed;

        if (!options.Value.AllowExternalUsers)
        {
            SlackLog.ExternalUserRefused(logger, source, user, actor.UserTeamId ?? "(not given)", actor.TeamId ?? "(none)");
            return Refuse(turn, ExternalUserNotAllowed);
        }

        SlackLog.ExternalUserAdmitted(logger, source, user, actor.UserTeamId ?? "(not given)");
        var unverified = turn.Message with { Sender = turn.Message.Sender with { Verified = false } };
        return parsed with { Turn = turn with { Message = unverified } };
    }

    /// <summary>Any workspace only in Development with the list left out (start-up requires it elsewhere).</summary>
    private bool WorkspaceAllowed(SlackActor actor) =>
        (allowed.Count == 0 && environment.IsDevelopment()) || Listed(actor.TeamId) || Listed(actor.EnterpriseId);

    /// <summary>
    /// The person is of the workspace the app acts in: the payload names no other workspace for them (and does not say
    /// the channel is shared with other organisations), their workspace is that one or is itself allowed, or the channel
    /// is shared only within one Enterprise Grid organisation (an event says so).
    /// </summary>
    private bool BelongsToWorkspace(SlackActor actor) => actor.UserTeamId switch
    {
        null => actor.ExternallyShared != true,
        var team => team == actor.TeamId || Listed(team) || actor.ExternallyShared == false,
    };

    private bool Listed(string? id) => id is not null && allowed.Contains(id);

    /// <summary>A command or click is answered through its response_url; an event (or a click without one) is dropped.</summary>
    private static SlackInboundParse Refuse(SlackInboundTurn turn, string text)
    {
        var responseUrl = turn.Route.ResponseUrl ?? turn.Clicked?.ResponseUrl;
        if (responseUrl is null)
            return SlackInboundParse.Ignore(text);
        return SlackInboundParse.Queue(
            turn with { Route = turn.Route with { ResponseUrl = responseUrl, ResponseType = "ephemeral" }, Clicked = null, EventId = null, Refusal = text },
            new SlackActor(null, null, null, null));
    }
}
