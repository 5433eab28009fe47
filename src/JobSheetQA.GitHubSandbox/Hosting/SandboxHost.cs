using System.Net;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.State;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>Starts the sandbox in-process (tests, the bot's local mode) or standalone.</summary>
public static class SandboxHost
{
    /// <summary>Starts a sandbox on <c>Host:Port</c> (port 0 = any free one) plus the download listener.</summary>
    public static async Task<SandboxApp> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (app, api, download) = Build([], options, standalone: false);
        await app.StartAsync(cancellationToken);
        return Started(app, api, download, options);
    }

    /// <summary>Blocking form of <see cref="StartAsync"/>.</summary>
    public static SandboxApp Start(SandboxOptions options) => StartAsync(options).GetAwaiter().GetResult();

    /// <summary>
    /// <c>dotnet run --project src/JobSheetQA.GitHubSandbox</c>: binds http://localhost:3979 unless
    /// <c>Sandbox:Host</c>/<c>Sandbox:Port</c> say otherwise, and runs until stopped.
    /// </summary>
    public static void RunStandalone(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = new SandboxOptions { Host = "localhost", Port = 3979 };
        configuration.GetSection(SandboxOptions.SectionName).Bind(options);

        var (app, api, download) = Build(args, options, standalone: true);
        app.Start();
        using var sandbox = Started(app, api, download, options);
        SandboxLog.Started(app.Logger, options.Owner, options.Repo, sandbox.BaseAddress, sandbox.ApiBaseAddress,
            new Uri(sandbox.BaseAddress, "_sandbox/"));
        // Standalone, the operator is the one client of the control API and has no other way to learn a generated token.
        if (options.ControlToken is null)
        {
            SandboxLog.GeneratedControlToken(app.Logger, sandbox.ControlToken);
        }
        else
        {
            SandboxLog.ConfiguredControlToken(app.Logger);
        }
        app.WaitForShutdown();
    }

    private static (WebApplication App, ListenOptions[] Api, ListenOptions Download) Build(string[] args, SandboxOptions options, bool standalone)
    {
        SandboxOptionsValidator.Validate(options);
        // An empty builder: in-process, the host's own appsettings.json (e.g. the bot's Urls) sits in the same folder
        // and must not leak in. Everything the sandbox needs is in SandboxOptions.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRouting();
        if (standalone)
        {
            builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
            builder.Logging.AddFilter("JobSheetQA.GitHubSandbox", LogLevel.Information);
        }

        var api = new List<ListenOptions>();
        ListenOptions? download = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                // localhost = both loopbacks; Kestrel cannot pick a free port for it, so fall back to 127.0.0.1 then.
                if (options.Port == 0)
                {
                    kestrel.Listen(IPAddress.Loopback, 0, l => api.Add(l));
                }
                else
                {
                    kestrel.Listen(IPAddress.Loopback, options.Port, l => api.Add(l));
                    kestrel.Listen(IPAddress.IPv6Loopback, options.Port, l => api.Add(l));
                }
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port, l => api.Add(l));
            }

            kestrel.Listen(IPAddress.Loopback, options.DownloadPort, l => download = l);
        });
        builder.Services.AddGitHubSandbox(options);

        var app = builder.Build();
        // Read the App key now, so a bad PEM fails the start instead of the first token request.
        _ = app.Services.GetRequiredService<Auth.AppAuthentication>();
        app.UseGitHubSandbox();
        // ConfigureKestrel runs while the server is built; resolve it now so the listen options exist.
        _ = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        return (app, api.ToArray(), download!);
    }

    private static SandboxApp Started(WebApplication app, ListenOptions[] api, ListenOptions download, SandboxOptions options)
    {
        // Kestrel writes the bound port back into the endpoint when the port was 0.
        var apiPort = api[0].IPEndPoint!.Port;
        var host = string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase) && options.Port != 0
            ? "localhost"
            : api[0].IPEndPoint!.Address.ToString();
        var baseAddress = new Uri($"http://{host}:{apiPort}/");
        // Another host name for the same loopback: a client following the 302 sees a host change and drops its
        // Authorization header (Octokit compares host names, not ports).
        var downloadHost = host == "127.0.0.1" ? "localhost" : "127.0.0.1";
        var downloadAddress = new Uri($"http://{downloadHost}:{download.IPEndPoint!.Port}/");
        app.Services.GetRequiredService<SandboxState>().DownloadBaseAddress = downloadAddress;
        app.Services.GetRequiredService<SandboxState>().BaseAddress = baseAddress;
        return new SandboxApp(app, baseAddress, downloadAddress, options, app.Services.GetRequiredService<SandboxControl>(),
            app.Services.GetRequiredService<ControlAccess>().Token);
    }
}
