using System.Diagnostics;
using System.Net.Sockets;

namespace JobSheetQA.Bot.Load;

/// <summary>A bot under test as a child process on a free loopback port; ready when <c>/api/messages</c> answers.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;

    private BotProcess(string name, Process process, Uri messages)
    {
        Name = name;
        this.process = process;
        Messages = messages;
    }

    public string Name { get; }

    public Uri Messages { get; }

    public static async Task<BotProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment, Func<int, IDictionary<string, string>> portSettings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment.Concat(portSettings(port)))
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        // Drained so a chatty bot never blocks on a full pipe; errors are shown, the rest dropped.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine($"[{name}] {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var bot = new BotProcess(name, process, new Uri($"http://127.0.0.1:{port}/api/messages"));
        await bot.WaitUntilListeningAsync(port);
        return bot;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} before listening");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"{Name} did not listen on {port} within two minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
