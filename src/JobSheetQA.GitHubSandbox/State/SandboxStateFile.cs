using System.Text.Json;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.GitHubSandbox.State;

/// <summary>
/// The runs and id counters, kept in a JSON file so a sandbox started again on the same file carries on where it
/// stopped: a run dispatched before a restart is still there and still finishes (its state is computed from when it
/// was created), and new runs never reuse an id. Written whole to a temporary file and moved into place, so a crash
/// leaves the previous version rather than half a file.
/// </summary>
internal static class SandboxStateFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Puts the saved runs into <paramref name="state"/>; nothing when the file does not exist yet.</summary>
    public static void Load(string path, SandboxState state)
    {
        if (!File.Exists(path))
        {
            return;
        }

        SavedRuns? saved;
        try
        {
            saved = JsonSerializer.Deserialize<SavedRuns>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(
                $"The GitHub sandbox's saved runs in {path} cannot be read ({e.Message}); delete the file to start with no runs.", e);
        }

        if (saved is null)
        {
            return;
        }

        state.Runs.AddRange(saved.Runs);
        state.NextRunId = Math.Max(state.NextRunId, saved.NextRunId);
        state.NextJobId = Math.Max(state.NextJobId, saved.NextJobId);
        state.NextArtifactId = Math.Max(state.NextArtifactId, saved.NextArtifactId);
    }

    /// <summary>Writes the runs and counters of <paramref name="state"/>; call under its lock.</summary>
    public static void Save(string path, SandboxState state)
    {
        var saved = new SavedRuns(state.NextRunId, state.NextJobId, state.NextArtifactId, state.Runs);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp"; // unique: two sandboxes may share a file in one test process
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(saved, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record SavedRuns(long NextRunId, long NextJobId, long NextArtifactId, List<SimulatedRun> Runs);
}
