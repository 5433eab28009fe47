namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>Which Slack error codes (https://api.slack.com/web) are worth another try later, and which mean the token is bad.</summary>
public static class SlackErrors
{
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    private static readonly HashSet<string> Auth = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "missing_scope",
        "not_allowed_token_type", "org_login_required", "ekm_access_denied",
    };

    /// <summary>Errors that retrying cannot fix: the token, the scopes, the channel or the message itself is the problem.</summary>
    public static bool IsPermanent(string error) => !Transient.Contains(error);

    /// <summary>The token is wrong, revoked or lacks a scope: an operator has to act; never retried.</summary>
    public static bool IsAuthError(string error) => Auth.Contains(error);
}
