using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using JobSheetQA.Bot.Hosting.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// The dashboard's sign-in: HTTP Basic, checked against <c>Jobs:Dashboard:Password</c> (and <c>Jobs:Dashboard:User</c>
/// when set). Only the dashboard's authorization policy (<see cref="PolicyName"/>) uses this scheme, so it admits a
/// caller to nothing else, and where a request comes from (loopback, a proxy on the same machine) counts for nothing.
/// </summary>
/// <remarks>
/// Basic rather than a bearer key or an OIDC sign-in: a browser asks for Basic credentials itself when challenged and
/// resends them with every request, the dashboard's own scripts included, so an operator needs nothing but the password;
/// a bearer key would need a header-setting browser extension or a sign-in page and a cookie of our own, and no identity
/// provider is assumed. Basic sends the password with every request, so the dashboard must be reached over TLS (the bot
/// sits behind TLS termination); because the browser also sends it with requests another site makes it send, the
/// dashboard's POSTs need the antiforgery token as well (<see cref="JobsEndpoints"/>).
/// </remarks>
internal sealed class DashboardBasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<JobsOptions> jobs)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "JobsDashboard";

    /// <summary>The authorization policy that guards the dashboard: a caller this scheme signed in.</summary>
    public const string PolicyName = "JobsDashboard";

    private const string Challenge = "Basic realm=\"JobSheetQA.Bot jobs\", charset=\"UTF-8\"";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Being the only scheme, this one may also be ASP.NET Core's default and so run for every request; it signs in
        // dashboard requests only. No credentials yet (a browser's first request) is not a failure: the challenge asks for them.
        // The Prometheus scrape endpoint (/metrics) borrows this sign-in and its policy; nothing else does.
        if (!(Request.Path.StartsWithSegments(JobsOptions.DashboardPath, StringComparison.OrdinalIgnoreCase)
                || Request.Path.StartsWithSegments(TelemetryOptions.MetricsEndpointOptions.Path, StringComparison.OrdinalIgnoreCase))
            || !AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());

        if (!TryDecode(header.Parameter, out var user, out var password))
            return Task.FromResult(Refuse("malformed Basic credentials"));

        var dashboard = jobs.CurrentValue.Dashboard;
        // Both compared every time, in constant time, so neither the timing nor the answer tells which one was wrong.
        var userMatches = string.IsNullOrEmpty(dashboard.User) || SecretEquals(dashboard.User, user);
        var passwordMatches = !string.IsNullOrEmpty(dashboard.Password) && SecretEquals(dashboard.Password, password);
        if (!(userMatches & passwordMatches))
            return Task.FromResult(Refuse("wrong user name or password"));

        var name = user.Length > 0 ? user : "dashboard";
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name), new Claim(ClaimTypes.Name, name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Challenge;
        return Task.CompletedTask;
    }

    private AuthenticateResult Refuse(string reason)
    {
        // Neither the user name nor the password is logged: either may be the other mistyped.
        JobsLog.DashboardSignInRefused(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown", reason);
        return AuthenticateResult.Fail(reason);
    }

    private static bool TryDecode(string? parameter, out string user, out string password)
    {
        (user, password) = ("", "");
        if (string.IsNullOrEmpty(parameter))
            return false;

        var bytes = new byte[(parameter.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(parameter, bytes, out var written))
            return false;

        // RFC 7617: "user-id:password"; the user id cannot contain ':', the password can.
        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;

        (user, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }

    // Hashing first makes both sides the same length, so the comparison does not reveal the secret's length either.
    private static bool SecretEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
