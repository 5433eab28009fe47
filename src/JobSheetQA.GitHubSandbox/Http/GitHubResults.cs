using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobSheetQA.GitHubSandbox.Http;

/// <summary>Writes JSON bodies and GitHub-shaped errors.</summary>
internal static class GitHubResults
{
    public const string DocumentationUrl = "https://docs.github.com/rest";

    // GitHub does not escape quotes or non-ASCII characters in its JSON.
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(Writer), "application/json; charset=utf-8", statusCode: status);

    public static IResult Error(int status, string message, string documentationUrl = DocumentationUrl) =>
        Json(ErrorBody(status, message, documentationUrl), status);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "Not Found");

    /// <summary>422 with an <c>errors</c> array, as GitHub's validation failures have.</summary>
    public static IResult Validation(string message) => Json(new JsonObject
    {
        ["message"] = message,
        ["errors"] = new JsonArray(message),
        ["documentation_url"] = DocumentationUrl,
        ["status"] = "422",
    }, StatusCodes.Status422UnprocessableEntity);

    public static JsonObject ErrorBody(int status, string message, string documentationUrl = DocumentationUrl) => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentationUrl,
        ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
