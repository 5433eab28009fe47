using Microsoft.Identity.Client;

namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>Lets MSAL use the host's <see cref="IHttpClientFactory"/> (pooled handlers; tests trust their token double).</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => factory.CreateClient(TeamsHttpClients.Token);
}
