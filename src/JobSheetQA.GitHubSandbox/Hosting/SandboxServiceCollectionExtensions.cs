using JobSheetQA.GitHubSandbox.Api;
using JobSheetQA.GitHubSandbox.Auth;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>DI registration and endpoint mapping of the sandbox.</summary>
internal static class SandboxServiceCollectionExtensions
{
    public static IServiceCollection AddGitHubSandbox(this IServiceCollection services, SandboxOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SandboxState>();
        services.AddSingleton<PromotionSimulator>();
        services.AddSingleton<InstallationTokens>();
        services.AddSingleton<AppAuthentication>();
        services.AddSingleton<ControlAccess>();
        services.AddHostedService<ProtectionRules.ProtectionRuleNotifier>();
        services.AddSingleton(sp => new SandboxControl(sp.GetRequiredService<SandboxState>(), sp.GetRequiredService<PromotionSimulator>()));
        return services;
    }

    public static WebApplication UseGitHubSandbox(this WebApplication app)
    {
        app.UseMiddleware<ControlAuthenticationMiddleware>();
        app.UseMiddleware<ApiPipelineMiddleware>();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGitHubApi();
        app.MapDownloads();
        app.MapSandboxControl();
        app.MapRunPages();
        return app;
    }
}
