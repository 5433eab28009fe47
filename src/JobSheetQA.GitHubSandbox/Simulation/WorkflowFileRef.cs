using System.Security.Cryptography;
using System.Text;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>A workflow file of the repository and its (stable) numeric id.</summary>
internal sealed record WorkflowFileRef(long Id, string Path, string FileName, string Text)
{
    public static IEnumerable<WorkflowFileRef> All(RepositoryState repository) =>
        repository.Files
            .Where(f => f.Key.StartsWith(".github/workflows/", StringComparison.Ordinal)
                && (f.Key.EndsWith(".yml", StringComparison.Ordinal) || f.Key.EndsWith(".yaml", StringComparison.Ordinal)))
            .Select(f => new WorkflowFileRef(IdOf(f.Key), f.Key, f.Key[(f.Key.LastIndexOf('/') + 1)..], f.Value));

    /// <summary>By file name (<c>promotion.yml</c>) or numeric id, as the workflows API accepts.</summary>
    public static WorkflowFileRef? Find(RepositoryState repository, string idOrFileName) =>
        All(repository).FirstOrDefault(w => w.FileName == idOrFileName || w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == idOrFileName);

    /// <summary>Same path, same id, across resets and restarts.</summary>
    private static long IdOf(string path) =>
        100_000 + (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(path)), 0) % 900_000);
}
