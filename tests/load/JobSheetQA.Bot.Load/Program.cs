using System.Globalization;
using JobSheetQA.Bot.Load;

// The load benchmark (tests/load/README.md): the promotion bot (published Release build, in-process GitHub sandbox,
// Development without an app id), Microsoft's botbuilder-js echo bot and, as the .NET floor, an ASP.NET Core echo bot
// (JobSheetQA.Bot.Load.EchoBot), each driven by N concurrent conversations on /api/messages, replies collected by one Bot
// Connector sink; prints throughput and reply p50/p99 per command.
var options = LoadOptions.Parse(args);
var dataDirectory = Directory.CreateTempSubdirectory("jobsheetqa-load-");
await using var sink = await ConnectorSink.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    Timeout = TimeSpan.FromSeconds(60),
};

var bots = new List<BotProcess>();
try
{
    if (options.BotDll is { } dll)
    {
        bots.Add(await BotProcess.StartAsync("promotion bot", "dotnet", [dll], Path.GetDirectoryName(dll)!,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__DataDirectory"] = dataDirectory.FullName,
                ["DOTNET_gcServer"] = "1",
            },
            port => new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }));
    }

    if (options.EchoScript is { } script)
    {
        bots.Add(await BotProcess.StartAsync("echo bot (botbuilder-js)", "node", [script], Path.GetDirectoryName(script)!,
            new Dictionary<string, string>(),
            port => new Dictionary<string, string> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) }));
    }

    if (options.DotnetEchoDll is { } echoDll)
    {
        bots.Add(await BotProcess.StartAsync("echo bot (ASP.NET Core)", "dotnet", [echoDll], Path.GetDirectoryName(echoDll)!,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_gcServer"] = "1",
            },
            port => new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }));
    }

    // Steady state, not JIT warm-up: every bot runs every command, unmeasured, before the first row (LoadOptions).
    if (options.RuntimeWarmUp > TimeSpan.Zero)
    {
        var slice = options.RuntimeWarmUp / options.Commands.Count;
        foreach (var bot in bots)
        {
            foreach (var command in options.Commands)
            {
                var warm = await new LoadRun(command, options.Conversations.Max(), TimeSpan.Zero, slice).RunAsync(bot, sink, http);
                if (warm.Failures > 0)
                    Console.WriteLine($"runtime warm-up: {bot.Name}, `{command}`: {warm.Failures} turn(s) failed");
            }
        }
    }

    Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
        $"runtime warm-up {options.RuntimeWarmUp.TotalSeconds} s per bot, then warm-up {options.WarmUp.TotalSeconds} s and window " +
        $"{options.Window.TotalSeconds} s per run; load average {LoadAverage()}");
    var results = new List<LoadResult>();
    foreach (var command in options.Commands)
    {
        foreach (var conversations in options.Conversations)
        {
            foreach (var bot in bots)
            {
                var result = await new LoadRun(command, conversations, options.WarmUp, options.Window).RunAsync(bot, sink, http);
                results.Add(result);
                Console.WriteLine(Row(result));
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine("| bot | command | conversations | turns | throughput (req/s) | reply p50 (ms) | reply p99 (ms) | failed |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var r in results)
        Console.WriteLine(Row(r));
    Console.WriteLine();
    foreach (var r in results.Where(r => r.Conversations == options.Conversations.Max()).DistinctBy(r => (r.Bot, r.Command)))
        Console.WriteLine($"sample reply, {r.Bot}, `{r.Command}`: {Shorten(r.Sample)}");
    Console.WriteLine($"load average after: {LoadAverage()}");
    return results.Any(r => r.Failures > 0 || r.Turns == 0) ? 1 : 0;
}
finally
{
    foreach (var bot in bots)
        await bot.DisposeAsync();
    dataDirectory.Delete(recursive: true);
}

static string Row(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
    $"| {r.Bot} | `{r.Command}` | {r.Conversations} | {r.Turns} | {r.PerSecond:F0} | {r.P50:F1} | {r.P99:F1} | {r.Failures} |");

static string Shorten(string? text) => text is null ? "(none)" : text.ReplaceLineEndings(" ")[..Math.Min(text.Length, 100)];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
