using System.Net;
using System.Text.Json;
using JobSheetQA.Bot.Tests.Chat.Support;
using Microsoft.Data.Sqlite;

namespace JobSheetQA.Bot.Tests.Hosting;

/// <summary><c>/readyz</c> on the whole bot: each dependency named, 503 as soon as one fails; <c>/healthz</c> stays liveness.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_names_each_dependency_and_turns_503_when_the_database_is_unreachable()
    {
        await using var chat = ChatTestHost.Start();
        using var client = chat.CreateClient();

        // The job server registers its first heartbeat shortly after start-up.
        var (status, checks) = await ReadyAsync(client);
        for (var i = 0; i < 50 && status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(200);
            (status, checks) = await ReadyAsync(client);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["database", "github", "job-server", "signing-metadata"], checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c));

        // The database file's folder goes away and no pooled connection is left to hide it.
        var data = Path.Combine(chat.ContentRoot, "data");
        Directory.Delete(data, recursive: true);
        SqliteConnection.ClearAllPools();
        try
        {
            var (down, downChecks) = await ReadyAsync(client);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
            Assert.Equal("Unhealthy", downChecks["database"]);
            Assert.Equal("Healthy", downChecks["github"]);
            Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        }
        finally
        {
            Directory.CreateDirectory(data);
        }
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
