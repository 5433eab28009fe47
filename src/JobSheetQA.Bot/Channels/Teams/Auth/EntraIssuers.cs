namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>
/// The Entra issuers a channel or the Bot Framework Emulator may sign with
/// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
/// v1 and v2 issuers of the bot's own tenant and of Microsoft's first-party tenants, each mapped to its tenant for the
/// <c>tid</c> check.
/// </summary>
internal static class EntraIssuers
{
    /// <summary>Microsoft first-party tenants that issue channel and emulator tokens.</summary>
    public static readonly IReadOnlyList<string> FirstPartyTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    /// <summary>Issuer → tenant, for the first-party tenants and <paramref name="botTenantId"/> when set.</summary>
    public static IReadOnlyDictionary<string, string> For(string? botTenantId)
    {
        var tenants = FirstPartyTenants.ToList();
        if (!string.IsNullOrWhiteSpace(botTenantId))
            tenants.Add(botTenantId.Trim().ToLowerInvariant());

        var issuers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            issuers[$"https://sts.windows.net/{tenant}/"] = tenant;
            issuers[$"https://login.microsoftonline.com/{tenant}/v2.0"] = tenant;
        }

        return issuers;
    }
}
