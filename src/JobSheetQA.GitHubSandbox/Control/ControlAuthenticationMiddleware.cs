namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>
/// Refuses every control request (a path under <c>/_sandbox</c>, or an endpoint of the control group) without this
/// start's token with <b>401</b>, before any endpoint runs or reads its body. The GitHub REST surface and the HTML pages
/// are not affected.
/// </summary>
internal sealed class ControlAuthenticationMiddleware(RequestDelegate next, ControlAccess access)
{
    public const string PathPrefix = "/_sandbox";

    public Task InvokeAsync(HttpContext context)
    {
        var isControl = context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<ControlEndpointMetadata>() is not null;
        if (!isControl || access.Allows(context.Request))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"github-sandbox-control\"";
        return Results.Json(
            new { message = "The sandbox control API needs Authorization: Bearer <token>, the token of this sandbox's start (SandboxApp.ControlToken, or Sandbox:ControlToken when set)." },
            ControlEndpoints.Json,
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }
}

/// <summary>Marks the control API's endpoints, so the token check holds whatever path reaches them.</summary>
internal sealed class ControlEndpointMetadata;
