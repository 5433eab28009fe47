using System.Text.Json;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>The flags a managed window set and the environment values they had before (stored on the window).</summary>
public static class ManagedFlags
{
    public static IReadOnlyList<string> Names(WriteWindowEntity window) =>
        window.ManagedFlags?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Name → previous environment value (null: unset there).</summary>
    public static IReadOnlyDictionary<string, string?> Previous(WriteWindowEntity window) =>
        window.PreviousValues is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? []
            : new Dictionary<string, string?>();

    public static string Serialize(IReadOnlyDictionary<string, string?> previous) => JsonSerializer.Serialize(previous);
}
