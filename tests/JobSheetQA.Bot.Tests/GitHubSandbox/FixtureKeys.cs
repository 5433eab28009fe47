using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>Compares a sandbox body with GitHub's official example: every key of the example must still be there.</summary>
internal static class FixtureKeys
{
    /// <summary>Objects whose keys are data (a permission map), not schema.</summary>
    private static readonly HashSet<string> Maps = ["permissions"];

    public static void AssertKeeps(JsonNode? fixture, JsonNode? actual, string path = "$")
    {
        switch (fixture)
        {
            case JsonObject expected:
                var got = Assert.IsType<JsonObject>(actual);
                var missing = expected.Select(p => p.Key).Where(k => !got.ContainsKey(k)).ToList();
                Assert.True(missing.Count == 0, $"{path} lacks the official keys: {string.Join(", ", missing)}");
                foreach (var (key, value) in expected)
                {
                    if (!Maps.Contains(key) && value is not null && got[key] is not null)
                    {
                        AssertKeeps(value, got[key], $"{path}.{key}");
                    }
                }

                break;
            case JsonArray { Count: > 0 } expectedItems when expectedItems[0] is JsonObject:
                var gotItems = Assert.IsType<JsonArray>(actual);
                if (gotItems.Count > 0)
                {
                    AssertKeeps(expectedItems[0], gotItems[0], $"{path}[0]");
                }

                break;
        }
    }
}
