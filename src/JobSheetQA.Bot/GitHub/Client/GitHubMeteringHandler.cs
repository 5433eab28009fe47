using System.Globalization;
using JobSheetQA.Bot.Hosting.Telemetry;

namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Counts every GitHub answer by method and status (a 304 is a conditional request that spent no rate limit)
/// and keeps <c>x-ratelimit-remaining</c> for the gauge (<see cref="BotMetrics"/>).</summary>
internal sealed class GitHubMeteringHandler(BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        long? remaining = response.Headers.TryGetValues("x-ratelimit-remaining", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) ? left : null;
        metrics.GitHubResponse(request.Method.Method, (int)response.StatusCode, remaining);
        return response;
    }
}
