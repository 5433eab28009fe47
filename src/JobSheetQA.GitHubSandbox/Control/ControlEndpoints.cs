using System.Text.Json;
using System.Text.Json.Serialization;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>The HTTP control API under <c>/_sandbox/</c> (README "Control API"): thin wrappers over <see cref="SandboxControl"/>,
/// every one behind the start's bearer token (<see cref="ControlAuthenticationMiddleware"/>).</summary>
internal static class ControlEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(ControlAuthenticationMiddleware.PathPrefix).WithMetadata(new ControlEndpointMetadata());
        control.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException or BadHttpRequestException)
            {
                return Results.Json(new { message = ex.Message }, Json, statusCode: 400);
            }
        });

        control.MapPost("/reset", (SandboxControl c) => Done(c.Reset));

        control.MapGet("/repository", (SandboxControl c) => Results.Json(c.Repository, Json));
        control.MapPut("/repository", async (HttpRequest request, SandboxControl c) =>
        {
            var repository = await Read<RepositoryState>(request);
            return Done(() => c.SetRepository(repository));
        });
        control.MapPut("/repository/branches/{*branch}", async (string branch, HttpRequest request, SandboxControl c) =>
        {
            var body = await Read<JsonElement>(request);
            var sha = body.TryGetProperty("sha", out var s) ? s.GetString() : null;
            return sha is { Length: > 0 }
                ? Done(() => c.SetBranchHead(branch, sha))
                : Results.Json(new { message = "Body needs \"sha\"." }, Json, statusCode: 400);
        });
        control.MapPut("/repository/files/{*path}", async (string path, HttpRequest request, SandboxControl c) =>
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            return Done(() => c.SetFile(path, text));
        });
        control.MapDelete("/repository/files/{*path}", (string path, SandboxControl c) => Done(() => c.RemoveFile(path)));
        control.MapPut("/repository/secrets/{name}", (string name, SandboxControl c) => Done(() => c.SetSecret(name)));
        control.MapDelete("/repository/secrets/{name}", (string name, SandboxControl c) => Done(() => c.RemoveSecret(name)));
        control.MapPut("/repository/environments/{env}/secrets/{name}", (string env, string name, SandboxControl c) =>
            Done(() => c.SetEnvironmentSecret(env, name)));
        control.MapDelete("/repository/environments/{env}/secrets/{name}", (string env, string name, SandboxControl c) =>
            Done(() => c.RemoveEnvironmentSecret(env, name)));
        control.MapPut("/repository/environments/{env}/variables/{name}", async (string env, string name, HttpRequest request, SandboxControl c) =>
        {
            var body = await Read<JsonElement>(request);
            var value = body.TryGetProperty("value", out var v) ? v.GetString() : null;
            return value is not null
                ? Done(() => c.SetEnvironmentVariable(env, name, value))
                : Results.Json(new { message = "Body needs \"value\"." }, Json, statusCode: 400);
        });
        control.MapDelete("/repository/environments/{env}/variables/{name}", (string env, string name, SandboxControl c) =>
            Done(() => c.RemoveEnvironmentVariable(env, name)));

        control.MapPost("/scenarios", async (HttpRequest request, SandboxControl c) =>
        {
            var scenario = await Read<ScenarioRequest>(request);
            return Done(() => c.EnqueueScenario(scenario.ToScenario(), scenario.Runs));
        });
        control.MapPut("/scenarios/default", async (HttpRequest request, SandboxControl c) =>
        {
            var scenario = await Read<ScenarioRequest>(request);
            return Done(() => c.SetDefaultScenario(scenario.ToScenario()));
        });
        control.MapDelete("/scenarios", (SandboxControl c) => Done(c.ClearScenarios));

        control.MapPost("/faults", async (HttpRequest request, SandboxControl c) =>
        {
            var rule = await Read<FaultRule>(request);
            return Done(() => c.AddFault(rule));
        });
        control.MapGet("/faults", (SandboxControl c) => Results.Json(c.Faults, Json));
        control.MapDelete("/faults", (SandboxControl c) => Done(c.ClearFaults));

        control.MapGet("/requests", (SandboxControl c) => Results.Json(c.RequestLog, Json));
        control.MapDelete("/requests", (SandboxControl c) => Done(c.ClearRequestLog));

        control.MapGet("/runs", (SandboxControl c) => Results.Json(c.ListRuns(), Json));
        control.MapPost("/runs", async (HttpRequest request, SandboxControl c) =>
        {
            var start = await Read<ActionsTabStart>(request);
            return start.Actor is { Length: > 0 } && start.Environment is { Length: > 0 }
                ? Results.Json(c.StartFromActionsTab(start.Actor, start.Environment, start.Ref ?? "main", start.Inputs), Json, statusCode: 201)
                : Results.Json(new { message = "Body needs \"actor\" and \"environment\"." }, Json, statusCode: 400);
        });
        control.MapGet("/runs/{id:long}/protection-rule-delivery", (long id, SandboxControl c) =>
            c.ProtectionRuleDelivery(id) is { } body ? Results.Text(body, "application/json") : Results.NotFound());
        control.MapGet("/runs/{id:long}", (long id, SandboxControl c) =>
            c.GetRun(id) is { } run ? Results.Json(run, Json) : Results.Json(new { message = "Not Found" }, Json, statusCode: 404));
        control.MapPost("/runs/{id:long}/approve", (long id, SandboxControl c) =>
            c.ApproveDeployment(id) ? Results.NoContent() : Results.Json(new { message = "The run waits for no review." }, Json, statusCode: 409));
        control.MapPost("/runs/{id:long}/reject", (long id, SandboxControl c) =>
            c.RejectDeployment(id) ? Results.NoContent() : Results.Json(new { message = "The run waits for no review." }, Json, statusCode: 409));
        control.MapPost("/artifacts/{id:long}/expire", (long id, SandboxControl c) =>
            c.ExpireArtifact(id) ? Results.NoContent() : Results.Json(new { message = "Not Found" }, Json, statusCode: 404));
        control.MapPut("/rate-limit", async (HttpRequest request, SandboxControl c) =>
        {
            var body = await Read<JsonElement>(request);
            var limit = body.TryGetProperty("limit", out var l) ? l.GetInt32() : 5000;
            int? remaining = body.TryGetProperty("remaining", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : null;
            return Done(() => c.SetRateLimit(limit, remaining));
        });

        return app;
    }

    private static IResult Done(Action action)
    {
        action();
        return Results.NoContent();
    }

    private static async Task<T> Read<T>(HttpRequest request) =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted)
        ?? throw new JsonException("The body is empty.");
}
