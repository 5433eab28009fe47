using System.IO.Compression;
using System.Text;
using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class ParityArtifactTests
{
    internal static byte[] Zip(params (string Path, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in entries)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    [Theory]
    [InlineData("latest.json")]
    [InlineData("reports/latest.json")]
    [InlineData("parity/reports/latest.json")]
    public void Latest_json_is_found_in_whatever_folder_it_sits(string path)
    {
        var found = ParityArtifact.ExtractLatestJson(new MemoryStream(Zip((path, """{"ok":true}"""), ("other.txt", "x"))));

        Assert.NotNull(found);
        Assert.Equal(path, found.Value.EntryPath);
        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(found.Value.Content));
    }

    [Fact]
    public void The_canonical_report_path_wins_over_other_latest_json_files()
    {
        var found = ParityArtifact.ExtractLatestJson(new MemoryStream(Zip(
            ("old/latest.json", "old"),
            ("parity/reports/latest.json", "canonical"))));

        Assert.Equal("parity/reports/latest.json", found!.Value.EntryPath);
        Assert.Equal("canonical", Encoding.UTF8.GetString(found.Value.Content));
    }

    [Fact]
    public void A_zip_without_latest_json_gives_nothing()
    {
        Assert.Null(ParityArtifact.ExtractLatestJson(new MemoryStream(Zip(("summary.md", "# nothing")))));
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => ParityArtifact.ExtractLatestJson(new MemoryStream("not a zip"u8.ToArray())));
    }
}
