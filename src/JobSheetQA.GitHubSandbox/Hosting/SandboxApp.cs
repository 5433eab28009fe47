using JobSheetQA.GitHubSandbox.Control;

namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>A started sandbox. Dispose it to stop the listeners.</summary>
public sealed class SandboxApp : IAsyncDisposable, IDisposable
{
    private readonly WebApplication app;
    private int stopped;

    internal SandboxApp(WebApplication app, Uri baseAddress, Uri downloadBaseAddress, SandboxOptions options, SandboxControl control, string controlToken)
    {
        this.app = app;
        BaseAddress = baseAddress;
        DownloadBaseAddress = downloadBaseAddress;
        Options = options;
        Control = control;
        ControlToken = controlToken;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>: give this to <c>new GitHubClient(header, BaseAddress)</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/api/v3/</c>: the base of a raw <c>HttpClient</c>.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "api/v3/");

    /// <summary>The second listener, where artifact downloads are redirected.</summary>
    public Uri DownloadBaseAddress { get; }

    public SandboxOptions Options { get; }

    public SandboxControl Control { get; }

    /// <summary>The bearer token of the control API (<c>/_sandbox/</c>) for this start: <see cref="SandboxOptions.ControlToken"/>,
    /// or the random one generated when that was left out. Send it as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string ControlToken { get; }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public void Dispose() => StopAsync().GetAwaiter().GetResult();
}
