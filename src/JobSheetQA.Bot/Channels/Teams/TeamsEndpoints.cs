using System.Text.Json;
using JobSheetQA.Bot.Channels.Teams.Activities;
using JobSheetQA.Bot.Channels.Teams.Auth;
using JobSheetQA.Bot.Hosting.Inbound;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework messaging endpoint (docs/protocol-conformance.md C1.9–C1.10, C1.18): 413
/// above the size cap, 400 with a short reason for a body that is not an activity (not strict JSON, no type, no
/// conversation where one is needed; logged once per cause, see <see cref="ClientMistakeLog"/>), 401 for any
/// authentication failure (a channel or tenant that is not allowed included), then, once <see cref="TeamsTurnIntake"/>
/// has stored the activity for a worker, 200 with an empty body for ordinary activities (replies go out through the Bot
/// Connector later) or the invoke response; 501 for unhandled invokes. Other methods get 405 from routing.
/// </summary>
public static class TeamsEndpoints
{
    public const string Path = "/api/messages";

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        BotFrameworkAuthenticator authenticator,
        TeamsTurnIntake intake,
        IOptions<TeamsOptions> options,
        ClientMistakeLog mistakes,
        ILogger<TeamsActivityProcessor> logger)
    {
        var cancellationToken = context.RequestAborted;
        var limit = options.Value.MaxRequestBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, cancellationToken);
        if (body is null)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        if (StrictJson.Problem(body) is { } problem)
            return Malformed(mistakes, logger, "teams:json", problem);

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, Activity.Json);
        }
        catch (JsonException exception)
        {
            return Malformed(mistakes, logger, "teams:shape", $"not an activity: a member has the wrong type ({exception.Path})");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return Malformed(mistakes, logger, "teams:type", "the activity has no type");
        if (ActivityShape.Problem(activity) is { } missing)
            return Malformed(mistakes, logger, "teams:conversation", missing);

        var authentication = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization, activity, cancellationToken);
        if (!authentication.Succeeded)
            return Results.Unauthorized();

        var invokeResponse = await intake.ReceiveAsync(activity, body, cancellationToken);
        if (invokeResponse is null)
            return Results.Ok();
        return invokeResponse.Body is null
            ? Results.StatusCode(invokeResponse.Status)
            : Results.Json(invokeResponse.Body, statusCode: invokeResponse.Status);
    }

    private static IResult Malformed(ClientMistakeLog mistakes, ILogger logger, string cause, string reason)
    {
        var (level, repeats) = mistakes.Next(cause);
        TeamsLog.Malformed(logger, level, reason, repeats);
        return Results.BadRequest(new { error = reason });
    }
}
