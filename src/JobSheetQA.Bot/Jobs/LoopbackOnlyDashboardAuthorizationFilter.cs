using System.Net;
using Hangfire.Dashboard;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Lets a dashboard request through only when it comes from the machine itself: the connection's remote address is
/// loopback and no proxy forwarded it. The dashboard can enqueue and delete jobs, so anything else needs
/// <c>Jobs:DashboardPolicy</c>.
/// </summary>
internal sealed class LoopbackOnlyDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context is AspNetCoreDashboardContext aspNetCore && IsLocal(aspNetCore.HttpContext);

    internal static bool IsLocal(HttpContext httpContext)
    {
        var remote = httpContext.Connection.RemoteIpAddress;
        if (remote is null)
            return false;
        if (remote.IsIPv4MappedToIPv6)
            remote = remote.MapToIPv4();

        // A reverse proxy on the same machine connects from loopback on behalf of someone else; its forwarding
        // headers give it away (unless forwarded-headers middleware already replaced the remote address).
        var forwarded = httpContext.Request.Headers.ContainsKey("X-Forwarded-For") || httpContext.Request.Headers.ContainsKey("Forwarded");
        return IPAddress.IsLoopback(remote) && !forwarded;
    }
}
