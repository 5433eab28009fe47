using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Hosting;
using Microsoft.Extensions.Time.Testing;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>A sandbox on 127.0.0.1 driven by a fake clock, with a raw HttpClient and a real Octokit client.</summary>
internal sealed class SandboxTestContext : IAsyncDisposable
{
    public const string Owner = "contoso";
    public const string Repo = "job-sheet-qa-auditor";
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    private SandboxTestContext(SandboxApp sandbox, FakeTimeProvider time)
    {
        Sandbox = sandbox;
        Time = time;
        Http = new HttpClient { BaseAddress = sandbox.ApiBaseAddress };
        GitHub = new GitHubClient(new ProductHeaderValue("JobSheetQA-Tests"), sandbox.BaseAddress);
    }

    public SandboxApp Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public GitHubClient GitHub { get; }

    public string RepoPath => $"repos/{Owner}/{Repo}";

    public static async Task<SandboxTestContext> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { StepDelay = Tick, TimeProvider = time };
        configure?.Invoke(options);
        return new SandboxTestContext(await SandboxHost.StartAsync(options), time);
    }

    /// <summary>A client of the control API (<c>/_sandbox/</c>) carrying this start's token, as an operator would send it.</summary>
    public HttpClient ControlClient()
    {
        var control = new HttpClient { BaseAddress = new Uri(Sandbox.BaseAddress, "_sandbox/") };
        control.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Sandbox.ControlToken);
        return control;
    }

    public GitHubClient OctokitWith(Credentials credentials) =>
        new(new ProductHeaderValue("JobSheetQA-Tests"), Sandbox.BaseAddress) { Credentials = credentials };

    /// <summary>Dispatches promotion.yml asking for the run id (API version 2026-03-10) and returns it.</summary>
    public async Task<long> DispatchAsync(IDictionary<string, string> inputs, string gitRef = "main")
    {
        using var response = await PostDispatchAsync(new { @ref = gitRef, inputs, return_run_details = true }, version: "2026-03-10");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("workflow_run_id").GetInt64();
    }

    public Task<long> DispatchAsync(string environment, string? skipParity = null, string? acknowledgement = null,
        string? correlationId = null, string gitRef = "main")
    {
        var inputs = new Dictionary<string, string> { ["target_environment"] = environment };
        if (skipParity is not null)
        {
            inputs["skip_parity"] = skipParity;
        }

        if (acknowledgement is not null)
        {
            inputs["skip_parity_acknowledgement"] = acknowledgement;
        }

        if (correlationId is not null)
        {
            inputs["correlation_id"] = correlationId;
        }

        return DispatchAsync(inputs, gitRef);
    }

    public async Task<HttpResponseMessage> PostDispatchAsync(object body, string? version = null, string workflow = "promotion.yml")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{RepoPath}/actions/workflows/{workflow}/dispatches")
        {
            Content = JsonContent.Create(body),
        };
        if (version is not null)
        {
            request.Headers.Add("X-GitHub-Api-Version", version);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonObject> GetObjectAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>Advances the fake clock until the run completes (bounded, so a stuck run fails the test).</summary>
    public async Task<WorkflowRun> RunToCompletionAsync(long runId, int maxTicks = 40)
    {
        for (var i = 0; i < maxTicks; i++)
        {
            var run = await GitHub.Actions.Workflows.Runs.Get(Owner, Repo, runId);
            if (run.Status.StringValue == "completed")
            {
                return run;
            }

            Time.Advance(Tick);
        }

        throw new Xunit.Sdk.XunitException($"Run {runId} did not complete within {maxTicks} ticks.");
    }

    public async Task<IReadOnlyList<WorkflowJob>> JobsAsync(long runId) =>
        (await GitHub.Actions.Workflows.Jobs.List(Owner, Repo, runId)).Jobs;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}
