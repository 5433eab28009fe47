using System.Net;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>Dashboard requests through the test server with a chosen remote address, as a real connection would have.</summary>
public static class DashboardRequests
{
    public static async Task<(int Status, string Body)> GetDashboardAsync(
        this TestServer server, IPAddress? remoteAddress, params (string Name, string Value)[] headers)
    {
        var context = await server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = JobsOptions.DashboardPath;
            request.Connection.RemoteIpAddress = remoteAddress;
            foreach (var (name, value) in headers)
                request.Request.Headers[name] = value;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
