using System.Globalization;

namespace JobSheetQA.Bot.Load;

/// <summary>Command line: <c>--bot &lt;JobSheetQA.Bot.dll&gt; --echo &lt;index.js&gt; [--seconds 8] [--warmup 2]
/// [--conversations 1,16] [--command "help"]…</c> (either bot may be left out).</summary>
internal sealed record LoadOptions(string? BotDll, string? EchoScript, TimeSpan WarmUp, TimeSpan Window, IReadOnlyList<int> Conversations, IReadOnlyList<string> Commands)
{
    public static LoadOptions Parse(string[] args)
    {
        string? bot = null, echo = null;
        double seconds = 8, warmUp = 2;
        var conversations = new List<int> { 1, 16 };
        var commands = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--bot": bot = Path.GetFullPath(value); break;
                case "--echo": echo = Path.GetFullPath(value); break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": warmUp = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--conversations": conversations = value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList(); break;
                case "--command": commands.Add(value); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }

            i++;
        }

        if (commands.Count == 0)
            commands = ["help", "promote staging --dry-run"];
        return new LoadOptions(bot, echo, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), conversations, commands);
    }
}
