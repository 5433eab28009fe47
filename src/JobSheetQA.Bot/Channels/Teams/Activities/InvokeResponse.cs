using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Channels.Teams.Activities;

/// <summary>
/// The HTTP answer to an invoke: status and body (docs/protocol-conformance.md C1.10). For <c>adaptiveCard/action</c>
/// the body is itself <c>{statusCode, type, value}</c>, as Teams Universal Actions define it.
/// </summary>
public sealed record InvokeResponse(int Status, JsonObject? Body)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse NotImplemented { get; } = new(StatusCodes.Status501NotImplemented, null);

    /// <summary>A text shown to the user who pressed the button.</summary>
    public static InvokeResponse Message(string text) => new(StatusCodes.Status200OK, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = text,
    });

    /// <summary>An Adaptive Card action the bot refuses (e.g. <c>NotSupported</c> for an Action.Submit sent as an invoke).</summary>
    public static InvokeResponse Error(int status, string code, string message) => new(status, new JsonObject
    {
        ["statusCode"] = status,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });
}
