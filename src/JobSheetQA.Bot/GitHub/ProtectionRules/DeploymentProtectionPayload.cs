using System.Text.Json;

namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>
/// Reads a <c>deployment_protection_rule</c> body with <see cref="JsonDocument"/> rather than Octokit.Webhooks' model: only
/// the members the review needs are required, and a body without them is a <see cref="ProblemIn"/> message (a 400),
/// not an exception.
/// </summary>
public static class DeploymentProtectionPayload
{
    private const string CallbackSuffix = "/deployment_protection_rule";

    /// <summary>The action GitHub sends when a job waits for the rule (the only one there is today).</summary>
    public const string RequestedAction = "requested";

    /// <summary>Null for a body of another action (nothing to review); the request; or a problem naming the member.</summary>
    public static (DeploymentProtectionRequest? Request, string? Problem) Parse(string body, string delivery)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, "the body is not a JSON object");
            if (Text(root, "action") is not { } action)
                return (null, "action is missing");
            if (action != RequestedAction)
                return (null, null);

            if (Text(root, "environment") is not { } environment)
                return (null, "environment is missing");
            if (Text(root, "deployment_callback_url") is not { } callback || RunIdOf(callback) is not { } runId)
                return (null, "deployment_callback_url is missing or does not end in /actions/runs/{run_id}/deployment_protection_rule");
            if (!root.TryGetProperty("deployment", out var deployment) || deployment.ValueKind != JsonValueKind.Object)
                return (null, "deployment is missing");
            if (Text(deployment, "sha") is not { } sha || sha.Length != 40 || !sha.All(char.IsAsciiHexDigit))
                return (null, "deployment.sha is missing or not a 40-character commit id");
            if (!deployment.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var deploymentId))
                return (null, "deployment.id is missing");
            if (!root.TryGetProperty("sender", out var sender) || Text(sender, "login") is not { } login)
                return (null, "sender.login is missing");
            if (!root.TryGetProperty("repository", out var repository) || Text(repository, "full_name") is not { } fullName)
                return (null, "repository.full_name is missing");

            return (new DeploymentProtectionRequest(
                delivery, environment, Text(root, "event") ?? "unknown", deploymentId, sha.ToLowerInvariant(),
                Text(deployment, "ref") ?? "", runId, login, fullName, callback), null);
        }
    }

    /// <summary>The run id in <c>https://api.github.com/repos/o/r/actions/runs/1234/deployment_protection_rule</c>.</summary>
    public static long? RunIdOf(string callbackUrl)
    {
        if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri))
            return null;
        var path = uri.AbsolutePath;
        if (!path.EndsWith(CallbackSuffix, StringComparison.Ordinal))
            return null;
        var segments = path[..^CallbackSuffix.Length].Split('/');
        return segments is [.., "actions", "runs", var id] && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var runId) && runId > 0
            ? runId
            : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
