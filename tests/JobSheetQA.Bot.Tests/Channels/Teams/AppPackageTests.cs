using System.Buffers.Binary;
using System.Reflection;
using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>The Teams app package under docs/teams: a manifest Teams accepts the shape of, and icons of the sizes it demands.</summary>
public sealed class AppPackageTests
{
    private static readonly string Folder = Path.Combine(
        typeof(AppPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!, "docs", "teams");

    private static JsonNode Manifest => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;

    [Fact]
    public void The_bot_id_is_a_placeholder_to_fill_in()
    {
        Assert.Equal("{{MICROSOFT_APP_ID}}", Manifest["id"]!.GetValue<string>());
        Assert.Equal("{{MICROSOFT_APP_ID}}", Manifest["bots"]![0]!["botId"]!.GetValue<string>());
    }

    [Fact]
    public void The_bot_works_in_personal_chats_teams_and_group_chats_with_the_main_commands()
    {
        var bot = Manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        Assert.Equal(["promote staging", "promote production", "status", "help"], commands.Select(c => c!["title"]!.GetValue<string>()));
        Assert.All(commands, c => Assert.InRange(c!["description"]!.GetValue<string>().Length, 1, 128));
    }

    [Theory]
    [InlineData("color", 192)]
    [InlineData("outline", 32)]
    public void The_icons_are_PNGs_of_the_sizes_Teams_requires(string icon, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, Manifest["icons"]![icon]!.GetValue<string>()));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
