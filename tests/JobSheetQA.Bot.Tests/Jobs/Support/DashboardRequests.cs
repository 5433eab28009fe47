using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using JobSheetQA.Bot.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Net.Http.Headers;

namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>What the dashboard answered.</summary>
public sealed record DashboardResponse(int Status, string Body, IHeaderDictionary Headers);

/// <summary>The antiforgery pair a dashboard page hands out: its cookie, and the token its scripts send in a header.</summary>
public sealed record DashboardAntiforgery(string Cookie, string HeaderName, string Token);

/// <summary>Dashboard requests through the test server with a chosen remote address, as a real connection would have.</summary>
public static partial class DashboardRequests
{
    /// <summary>An <c>Authorization: Basic</c> header, as a browser sends it once the user has typed the credentials.</summary>
    public static (string Name, string Value) Basic(string user, string password) =>
        (HeaderNames.Authorization, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static Task<DashboardResponse> GetDashboardAsync(
        this TestServer server, IPAddress? remoteAddress, params (string Name, string Value)[] headers) =>
        server.SendDashboardAsync(HttpMethods.Get, "", remoteAddress, form: null, headers);

    /// <summary>A form POST to a dashboard command such as <c>/jobs/scheduled/delete</c>, as the dashboard's buttons send it.</summary>
    public static Task<DashboardResponse> PostDashboardAsync(
        this TestServer server, string path, IPAddress remoteAddress, IReadOnlyList<KeyValuePair<string, string>> form,
        params (string Name, string Value)[] headers) =>
        server.SendDashboardAsync(HttpMethods.Post, path, remoteAddress, form, headers);

    /// <summary>The antiforgery cookie and token of a dashboard page; fails the test when the page has none.</summary>
    public static DashboardAntiforgery Antiforgery(this DashboardResponse page)
    {
        var cookie = page.Headers.SetCookie.Select(c => c?.Split(';')[0]).SingleOrDefault(c => c?.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) == true);
        var meta = MetaContent().Matches(page.Body);
        var header = meta.FirstOrDefault(m => m.Groups["name"].Value == "csrf-header");
        var token = meta.FirstOrDefault(m => m.Groups["name"].Value == "csrf-token");

        Assert.True(cookie is not null, "the dashboard page set no antiforgery cookie");
        Assert.True(header is not null && token is not null, "the dashboard page carries no antiforgery token");
        return new DashboardAntiforgery(cookie, WebUtility.HtmlDecode(header.Groups["content"].Value), WebUtility.HtmlDecode(token.Groups["content"].Value));
    }

    private static async Task<DashboardResponse> SendDashboardAsync(
        this TestServer server, string method, string path, IPAddress? remoteAddress, IReadOnlyList<KeyValuePair<string, string>>? form,
        (string Name, string Value)[] headers)
    {
        var context = await server.SendAsync(request =>
        {
            request.Request.Method = method;
            request.Request.Path = JobsOptions.DashboardPath + path;
            request.Connection.RemoteIpAddress = remoteAddress;
            foreach (var (name, value) in headers)
                request.Request.Headers[name] = value;
            if (form is not null)
            {
                var body = string.Join("&", form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
                request.Request.ContentType = "application/x-www-form-urlencoded";
                request.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return new DashboardResponse(context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.Headers);
    }

    [GeneratedRegex("<meta name=\"(?<name>csrf-header|csrf-token)\" content=\"(?<content>[^\"]*)\">")]
    private static partial Regex MetaContent();
}
