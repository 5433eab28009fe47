using System.Text;
using System.Text.Json;
using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Hosting.Inbound;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// The HTTP edge of the Slack adapter (docs/protocol-conformance.md C2.1–C2.11, C2.14–C2.15): reads the raw body (413 over
/// 4 MB), verifies the signature on those bytes (401), parses (400), lets <see cref="SlackWorkspaceGate"/> pin the
/// workspace, then stores the turn in the durable inbound queue and acknowledges at once, well within Slack's 3 seconds. Answers go out later through
/// the Web API or the request's <c>response_url</c>.
/// </summary>
public sealed class SlackRequestReceiver(
    SlackRequestVerifier verifier, SlackWorkspaceGate gate, SlackInboundQueue queue, IOptions<SlackOptions> options,
    ClientMistakeLog mistakes, ILogger<SlackRequestReceiver> logger)
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public Task<IResult> EventsAsync(HttpContext context) =>
        ReceiveAsync(context, formBody: false, (body, _) =>
        {
            if (StrictJson.Problem(body) is { } problem)
                return SlackInboundParse.Invalid(problem);
            using var json = JsonDocument.Parse(body);
            var parsed = SlackInboundParser.ParseEvent(json.RootElement, options.Value.BotUserId);
            if (parsed.Turn?.EventId is { } eventId && context.Request.Headers["X-Slack-Retry-Num"] is { Count: > 0 } retry)
                SlackLog.EventRetried(logger, eventId, retry.ToString(), context.Request.Headers["X-Slack-Retry-Reason"].ToString());
            return parsed;
        });

    public Task<IResult> CommandsAsync(HttpContext context) =>
        ReceiveAsync(context, formBody: true, FromForm(form => SlackInboundParser.ParseCommand(form, options.Value.CommandResponseType, SlackResponseUrls.From(options.Value))));

    public Task<IResult> InteractionsAsync(HttpContext context) =>
        ReceiveAsync(context, formBody: true, FromForm(form =>
        {
            if (!form.TryGetValue("payload", out var payload) || string.IsNullOrWhiteSpace(payload))
                return SlackInboundParse.Invalid("no payload field");
            if (StrictJson.Problem(Encoding.UTF8.GetBytes(payload)) is { } problem)
                return SlackInboundParse.Invalid($"payload: {problem}");
            using var json = JsonDocument.Parse(payload);
            return SlackInboundParser.ParseInteraction(json.RootElement, options.Value.BotUserId, SlackResponseUrls.From(options.Value));
        }));

    /// <summary>A form body that is not UTF-8 or gives a field twice is malformed (400 once signed).</summary>
    private static Func<byte[], IReadOnlyDictionary<string, string>?, SlackInboundParse> FromForm(Func<IReadOnlyDictionary<string, string>, SlackInboundParse> parse) =>
        (_, form) => form is null ? SlackInboundParse.Invalid("malformed form body (not UTF-8, or a field given twice)") : parse(form);

    /// <summary><paramref name="parse"/> gets the raw body and, for a form body, its fields (null when malformed).</summary>
    private async Task<IResult> ReceiveAsync(HttpContext context, bool formBody, Func<byte[], IReadOnlyDictionary<string, string>?, SlackInboundParse> parse)
    {
        var path = context.Request.Path.Value ?? "";
        var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            Refused(path, StatusCodes.Status413PayloadTooLarge, $"body over {MaxBodyBytes} bytes");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // Parsed once and without throwing: it is read before the signature check, so unsigned junk must not fail here.
        var form = formBody ? TryParseForm(body) : null;

        // Slack's certificate check carries no signature and wants only a 200 (docs/protocol-conformance.md C2.6).
        if (form?.GetValueOrDefault("ssl_check") == "1")
            return Results.Ok();

        if (verifier.Verify(context.Request.Headers, body) is { } refusal)
        {
            Refused(path, StatusCodes.Status401Unauthorized, refusal);
            return Results.Unauthorized();
        }

        SlackInboundParse parsed;
        try
        {
            parsed = parse(body, form);
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException or InvalidOperationException)
        {
            parsed = SlackInboundParse.Invalid($"malformed body ({exception.GetType().Name})");
        }

        parsed = gate.Admit(parsed, path);
        if (parsed.Error is { } error)
        {
            var (level, repeats) = mistakes.Next($"slack:400:{path}");
            SlackLog.RequestMalformed(logger, level, path, error, repeats);
            return Results.BadRequest(new { error });
        }

        if (parsed.Challenge is { } challenge)
            return Results.Json(new { challenge });

        if (parsed.Ignored is { } reason)
        {
            SlackLog.Ignored(logger, path, reason);
            return Results.Ok();
        }

        switch (await queue.EnqueueAsync(parsed.Turn!, context.RequestAborted))
        {
            case InboundAcceptance.Full:
                SlackLog.QueueFull(logger, queue.Capacity, path);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case InboundAcceptance.Duplicate:
                SlackLog.DuplicateEvent(logger, parsed.Turn!.EventId ?? parsed.Turn.Message.InboundId);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    /// <summary>Logs a refusal at Warning once a minute per endpoint and status, at Debug otherwise.</summary>
    private void Refused(string path, int status, string reason)
    {
        var (level, repeats) = mistakes.Next($"slack:{status}:{path}");
        SlackLog.RequestRefused(logger, level, path, reason, repeats);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A form body's fields, or null when it is not UTF-8 or gives a field twice (malformed rather than guessing which
    /// one is meant).
    /// </summary>
    private static Dictionary<string, string>? TryParseForm(byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in QueryHelpers.ParseQuery(text))
        {
            if (values.Count != 1)
                return null;
            fields[key] = values[0] ?? "";
        }

        return fields;
    }
}
