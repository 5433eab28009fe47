namespace JobSheetQA.Bot.Tests.Support;

/// <summary>The repository checkout the tests run from (the folder holding <c>JobSheetQA.Bot.sln</c>).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "JobSheetQA.Bot.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No JobSheetQA.Bot.sln above {AppContext.BaseDirectory}.");
    }
}
