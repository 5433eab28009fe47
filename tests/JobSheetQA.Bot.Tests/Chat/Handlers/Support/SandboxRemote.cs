using System.Net.Http.Headers;
using System.Net.Http.Json;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.GitHub.Sandbox;
using JobSheetQA.Bot.Tests.Chat.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Support;

/// <summary>
/// The in-process GitHub sandbox's control API (<c>/_sandbox/…</c>, see its README) for a running <see cref="ChatTestHost"/>:
/// tests change posture flags and inject faults over HTTP, the way an operator would.
/// </summary>
public sealed class SandboxRemote(ChatTestHost chat)
{
    /// <summary>HEAD of <c>main</c> in the sandbox's default repository.</summary>
    public const string DefaultHeadSha = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4";

    private static readonly HttpClient Http = new();

    private Uri Control(string path) => new(chat.Get<IGitHubTargetAccessor>().Target.BaseAddress, "/_sandbox/" + path);

    // The control API takes the token of this start, which the bot's in-process sandbox keeps to itself (and its tests).
    private string Token => chat.Get<GitHubSandboxHostedService>().Sandbox?.ControlToken
        ?? throw new InvalidOperationException("The bot's GitHub sandbox is not running.");

    public Task SetVariableAsync(string environment, string name, string value) =>
        SendAsync(HttpMethod.Put, $"repository/environments/{environment}/variables/{name}", new { value });

    public Task RemoveVariableAsync(string environment, string name) =>
        SendAsync(HttpMethod.Delete, $"repository/environments/{environment}/variables/{name}", null);

    /// <summary>Every request whose path matches <paramref name="pathPattern"/> gets a 403 from now on.</summary>
    public Task FailAlwaysAsync(string pathPattern) =>
        SendAsync(HttpMethod.Post, "faults", new { path = pathPattern, kind = "forbidden", count = 0 });

    private async Task SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, Control(path)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
