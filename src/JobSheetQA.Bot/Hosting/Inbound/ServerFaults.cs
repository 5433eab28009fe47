using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace JobSheetQA.Bot.Hosting.Inbound;

/// <summary>
/// A 500 is for a fault of the bot's own (a bug, the database gone), never for what a client sent. It is logged once at
/// Error with the exception and a correlation id, and the same id is in the answer's body
/// (<c>{"error":"internal error","correlationId":"…"}</c>) so a report from the caller can be matched with the log line.
/// </summary>
public static partial class ServerFaults
{
    /// <summary>The id that ties one request's 500 to its log line: the W3C trace id when tracing is on, the request id otherwise.</summary>
    public static string CorrelationId(HttpContext context) =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToString() : context.TraceIdentifier;

    /// <summary>The 500 answer carrying <paramref name="correlationId"/>.</summary>
    public static IResult Result(string correlationId) =>
        Results.Json(new { error = "internal error", correlationId }, statusCode: StatusCodes.Status500InternalServerError);

    /// <summary>Logs <paramref name="exception"/> at Error with a new correlation id, and returns the 500 that carries it.</summary>
    public static IResult Fail(HttpContext context, ILogger logger, string what, Exception exception)
    {
        var correlationId = CorrelationId(context);
        Failed(logger, exception, what, correlationId);
        return Result(correlationId);
    }

    /// <summary>
    /// Answers an exception no endpoint handled: a 500 with a correlation id (logged at Error), or nothing more when the
    /// client went away (its request was aborted; not a fault).
    /// </summary>
    public static IApplicationBuilder UseServerFaults(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleAsync,
            // The line below carries the correlation id; the middleware's own Error line would only repeat it.
            SuppressDiagnosticsCallback = _ => true,
        });

    private static async Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerFaults).FullName!);
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            ClientGone(logger, context.Request.Path);
            return;
        }

        var what = $"{context.Request.Method} {context.Request.Path}";
        await Fail(context, logger, what, exception ?? new InvalidOperationException("unknown failure")).ExecuteAsync(context);
    }

    [LoggerMessage(EventId = 1900, Level = LogLevel.Error, Message = "{What} failed (server fault); correlation id {CorrelationId}")]
    private static partial void Failed(ILogger logger, Exception exception, string what, string correlationId);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Debug, Message = "{Path}: the client closed the request before it was answered")]
    private static partial void ClientGone(ILogger logger, string path);
}
