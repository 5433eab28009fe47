using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.GitHub.Sandbox;
using JobSheetQA.Bot.Tests.Chat.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Transcripts.Support;

/// <summary>A run the in-process sandbox recorded: what the bot dispatched, with the inputs exactly as sent.</summary>
public sealed record SandboxRun(long Id, string Ref, string HeadSha, IReadOnlyDictionary<string, string> Inputs, string Status, string? Conclusion);

/// <summary>
/// The sandbox's control API (<c>/_sandbox/…</c>, see the sandbox README) over real HTTP, for the sandbox the chat
/// test host started: set repository state, queue scenarios and faults, read the runs the bot dispatched.
/// </summary>
public sealed class SandboxControlClient : IDisposable
{
    private readonly HttpClient http;

    public SandboxControlClient(ChatTestHost chat)
        : this(chat.Services)
    {
    }

    /// <summary>The sandbox of any whole bot (a channel test host), found through its services.</summary>
    public SandboxControlClient(IServiceProvider bot)
    {
        var api = bot.GetRequiredService<IGitHubTargetAccessor>().Target.BaseAddress;
        // The control API takes the token of this start, which the bot's in-process sandbox keeps to itself (and its tests).
        var token = bot.GetRequiredService<GitHubSandboxHostedService>().Sandbox?.ControlToken
            ?? throw new InvalidOperationException("The bot's GitHub sandbox is not running.");
        http = new HttpClient { BaseAddress = new Uri(api, "/_sandbox/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<IReadOnlyList<SandboxRun>> RunsAsync()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("runs"));
        return document.RootElement.EnumerateArray().Select(run => new SandboxRun(
            run.GetProperty("id").GetInt64(),
            run.GetProperty("ref").GetString()!,
            run.GetProperty("headSha").GetString()!,
            run.GetProperty("inputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            run.GetProperty("status").GetString()!,
            run.GetProperty("conclusion").ValueKind == JsonValueKind.Null ? null : run.GetProperty("conclusion").GetString())).ToList();
    }

    /// <summary>Every REST request the sandbox answered so far, as <c>GET /api/v3/repos/…</c> (the control API's own are not logged).</summary>
    public async Task<IReadOnlyList<string>> RequestsAsync()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("requests"));
        return document.RootElement.EnumerateArray()
            .Select(request => $"{request.GetProperty("method").GetString()} {request.GetProperty("path").GetString()}").ToList();
    }

    public async Task<SandboxRun> RunAsync(long id) => (await RunsAsync()).Single(r => r.Id == id);

    public async Task<string> BranchHeadAsync(string branch = "main")
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("repository"));
        return document.RootElement.GetProperty("branches").GetProperty(branch).GetString()!;
    }

    public Task SetBranchHeadAsync(string branch, string sha) => Send(HttpMethod.Put, $"repository/branches/{branch}", JsonContent.Create(new { sha }));

    public Task SetEnvironmentVariableAsync(string environment, string name, string value) =>
        Send(HttpMethod.Put, $"repository/environments/{environment}/variables/{name}", JsonContent.Create(new { value }));

    /// <summary>A fault rule (sandbox README), e.g. <c>new { path = "/git/ref", kind = "forbidden", count = 0 }</c>.</summary>
    public Task AddFaultAsync(object rule) => Send(HttpMethod.Post, "faults", JsonContent.Create(rule));

    public Task SetFileAsync(string path, string text) => Send(HttpMethod.Put, $"repository/files/{path}", new StringContent(text, Encoding.UTF8, "text/plain"));

    private async Task Send(HttpMethod method, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => http.Dispose();
}
