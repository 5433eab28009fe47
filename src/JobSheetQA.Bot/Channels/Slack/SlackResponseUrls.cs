namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Which <c>response_url</c>s the bot posts to. The URL arrives inside the request, so without this check anyone who can get
/// a request signed (or a Socket Mode payload shaped) could point the bot at <c>file:</c>, <c>gopher:</c>, an intranet
/// host or any site at all. Slack's are <c>https://hooks.slack.com/…</c>; <c>Slack:ResponseUrlRoots</c> replaces that
/// list (test doubles on 127.0.0.1). The same check applies to slash commands and interactions, over HTTP and Socket Mode,
/// and once more in <see cref="SlackWebApi.RespondAsync"/> before anything is sent.
/// </summary>
public sealed class SlackResponseUrls
{
    /// <summary>Where Slack's own response URLs live.</summary>
    public static Uri SlackHooks { get; } = new("https://hooks.slack.com/");

    /// <summary>Slack's addresses only: the default.</summary>
    public static SlackResponseUrls Slack { get; } = new([SlackHooks]);

    private readonly Uri[] roots;

    public SlackResponseUrls(IReadOnlyList<Uri> roots) => this.roots = [.. roots];

    /// <summary>The roots of <c>Slack:ResponseUrlRoots</c>, or Slack's when none are set.</summary>
    public static SlackResponseUrls From(SlackOptions options)
    {
        // The validator has refused anything but absolute URLs at start-up; one that slipped through counts for nothing.
        var roots = (options.ResponseUrlRoots ?? [])
            .Select(root => Uri.TryCreate(root, UriKind.Absolute, out var url) ? url : null)
            .OfType<Uri>()
            .ToList();
        return roots.Count > 0 ? new SlackResponseUrls(roots) : Slack;
    }

    /// <summary>The URL, when it is absolute and under one of the roots; null otherwise.</summary>
    public Uri? Accept(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && Allows(url) ? url : null;

    /// <summary>True when <paramref name="url"/> has a root's scheme, host and port, no user info, and a path under the root's.</summary>
    public bool Allows(Uri url) =>
        url.IsAbsoluteUri && string.IsNullOrEmpty(url.UserInfo) && roots.Any(root =>
            url.Scheme == root.Scheme
            && string.Equals(url.IdnHost, root.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == root.Port
            && url.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal));
}
