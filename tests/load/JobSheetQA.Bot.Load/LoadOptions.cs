using System.Globalization;

namespace JobSheetQA.Bot.Load;

/// <summary>Command line: <c>--bot &lt;JobSheetQA.Bot.dll&gt; --echo &lt;index.js&gt;
/// --dotnet-echo &lt;JobSheetQA.Bot.Load.EchoBot.dll&gt; [--seconds 8] [--warmup 2] [--runtime-warmup 30]
/// [--conversations 1,16] [--command "help"]…</c> (any bot may be left out).</summary>
/// <remarks>
/// <c>--runtime-warmup</c>: before any row is measured, each bot is driven with every command at the highest number of
/// conversations for this many seconds in all, unmeasured, so all are measured at steady state. On the 2-core build
/// machine .NET's tiered JIT was still recompiling the hot paths (up to 3 s of JIT time in 5 s) for the first ~25 s
/// under load, and a 2 s warm-up measured mostly that.
/// </remarks>
internal sealed record LoadOptions(
    string? BotDll, string? EchoScript, string? DotnetEchoDll, TimeSpan WarmUp, TimeSpan RuntimeWarmUp, TimeSpan Window, IReadOnlyList<int> Conversations, IReadOnlyList<string> Commands)
{
    public static LoadOptions Parse(string[] args)
    {
        string? bot = null, echo = null, dotnetEcho = null;
        double seconds = 8, warmUp = 2, runtimeWarmUp = 30;
        var conversations = new List<int> { 1, 16 };
        var commands = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--bot": bot = Path.GetFullPath(value); break;
                case "--echo": echo = Path.GetFullPath(value); break;
                case "--dotnet-echo": dotnetEcho = Path.GetFullPath(value); break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": warmUp = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--runtime-warmup": runtimeWarmUp = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--conversations": conversations = value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList(); break;
                case "--command": commands.Add(value); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }

            i++;
        }

        if (commands.Count == 0)
            commands = ["help", "promote staging --dry-run"];
        return new LoadOptions(bot, echo, dotnetEcho, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(runtimeWarmUp), TimeSpan.FromSeconds(seconds), conversations, commands);
    }
}
