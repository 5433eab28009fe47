using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace JobSheetQA.GitHubSandbox.Http;

/// <summary><c>per_page</c>/<c>page</c> paging with a <c>Link</c> header, as GitHub's list endpoints do.</summary>
internal static class Paging
{
    public static IReadOnlyList<T> Page<T>(HttpContext context, IReadOnlyList<T> items)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(Int(query["per_page"], 30), 1, 100);
        var page = Math.Max(1, Int(query["page"], 1));
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{Url(context, page + 1)}>; rel=\"next\"");
            links.Add($"<{Url(context, last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(context, 1)}>; rel=\"first\"");
            links.Add($"<{Url(context, Math.Min(page - 1, last))}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return items.Skip((page - 1) * perPage).Take(perPage).ToList();
    }

    private static int Int(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string Url(HttpContext context, int page)
    {
        var request = context.Request;
        var parameters = request.Query
            .Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", parameters);
    }
}
