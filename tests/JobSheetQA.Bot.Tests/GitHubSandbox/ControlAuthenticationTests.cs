using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Hosting;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>Issue #14: the control API (<c>/_sandbox/</c>) answers only to the bearer token of the sandbox's start; the
/// GitHub REST surface keeps its own authentication.</summary>
public sealed class ControlAuthenticationTests
{
    public static TheoryData<string, string> ControlRequests => new()
    {
        { "GET", "runs" },
        { "GET", "requests" },
        { "GET", "repository" },
        { "POST", "reset" },
        { "PUT", "repository/branches/main" },
        { "POST", "faults" },
        { "DELETE", "faults" },
        { "POST", "runs/1/approve" },
        { "GET", "no-such-endpoint" },
    };

    [Theory]
    [MemberData(nameof(ControlRequests))]
    public async Task Without_the_token_every_control_request_is_a_401_and_changes_nothing(string method, string path)
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/nothing-matches-this", Kind = FaultKind.ServerError, Count = 0 });
        using var anonymous = new HttpClient { BaseAddress = new Uri(ctx.Sandbox.BaseAddress, "_sandbox/") };

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : JsonContent.Create(new { sha = "1111111111111111111111111111111111111111", path = ".*", kind = "serverError" }),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(ctx.Sandbox.Control.Faults);
        Assert.Equal("9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", ctx.Sandbox.Control.Repository.Branches["main"]);
    }

    [Theory]
    [InlineData("Bearer", "not-the-token")]
    [InlineData("Bearer", "")]
    [InlineData("token", null)]
    [InlineData("Basic", null)]
    public async Task A_wrong_token_or_scheme_is_a_401(string scheme, string? token)
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(ctx.Sandbox.BaseAddress, "_sandbox/") };
        control.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {token ?? ctx.Sandbox.ControlToken}");

        using var response = await control.GetAsync("runs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_token_of_the_start_opens_the_control_api_whatever_the_path_case()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = ctx.ControlClient();
        using var anonymous = new HttpClient();

        using var runs = await control.GetAsync("runs");
        using var shouted = await anonymous.GetAsync(new Uri(ctx.Sandbox.BaseAddress, "_SANDBOX/runs"));
        using var shoutedWithToken = await control.GetAsync(new Uri(ctx.Sandbox.BaseAddress, "_SANDBOX/runs"));

        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, shouted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shoutedWithToken.StatusCode);
    }

    [Fact]
    public async Task Each_start_generates_its_own_random_token_unless_one_is_given()
    {
        await using var first = await SandboxHost.StartAsync(new SandboxOptions());
        await using var second = await SandboxHost.StartAsync(new SandboxOptions());
        await using var chosen = await SandboxHost.StartAsync(new SandboxOptions { ControlToken = "a-token-the-operator-chose" });

        Assert.Matches("^[0-9a-f]{64}$", first.ControlToken);
        Assert.Matches("^[0-9a-f]{64}$", second.ControlToken);
        Assert.NotEqual(first.ControlToken, second.ControlToken);
        Assert.Null(first.Options.ControlToken);
        Assert.Equal("a-token-the-operator-chose", chosen.ControlToken);
        using var control = new HttpClient();
        control.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "a-token-the-operator-chose");
        using var response = await control.GetAsync(new Uri(chosen.BaseAddress, "_sandbox/runs"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has a space in the middle")]
    public async Task A_weak_configured_token_stops_the_start_naming_the_setting(string token)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxHost.StartAsync(new SandboxOptions { ControlToken = token }));

        Assert.Contains("Sandbox:ControlToken", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rest_api_keeps_its_own_auth_and_ignores_the_control_token()
    {
        await using var open = await SandboxTestContext.StartAsync();
        await using var guarded = await SandboxTestContext.StartAsync(o => o.Tokens = ["ghp_rest_token"]);

        using var anonymousRead = await open.Http.GetAsync("rate_limit");
        using var withControlToken = new HttpRequestMessage(HttpMethod.Get, "rate_limit");
        withControlToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", guarded.Sandbox.ControlToken);
        using var controlTokenOnRest = await guarded.Http.SendAsync(withControlToken);
        using var health = await open.Http.GetAsync(new Uri(open.Sandbox.BaseAddress, "healthz"));

        Assert.Equal(HttpStatusCode.OK, anonymousRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, controlTokenOnRest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
