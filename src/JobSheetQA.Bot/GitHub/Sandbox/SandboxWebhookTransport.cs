namespace JobSheetQA.Bot.GitHub.Sandbox;

/// <summary>
/// How the in-process sandbox reaches this bot's webhook endpoint when it is not listening on a socket (a test server):
/// registered by a host that has one, read when the sandbox starts; the handler is made at the first delivery.
/// </summary>
internal sealed record SandboxWebhookTransport(Uri Url, Func<HttpMessageHandler> Handler);
