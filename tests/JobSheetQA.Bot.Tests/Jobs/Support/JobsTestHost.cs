using JobSheetQA.Bot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>
/// The whole bot (Program.cs) in a fresh temporary content root, with the given settings and a
/// <see cref="RecordingJob"/> in its container; its Hangfire server runs while the host does.
/// </summary>
public sealed class JobsTestHost : IAsyncDisposable
{
    // Fast polling keeps each test short; quiet logs keep test output readable.
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Jobs:PollInterval"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    private readonly BotHost bot;

    private JobsTestHost(BotHost bot) => this.bot = bot;

    public string ContentRoot => bot.ContentRoot;

    public TestServer Server => bot.Server;

    public IServiceProvider Services => bot.Services;

    public T Get<T>() where T : notnull => bot.Get<T>();

    /// <summary>Builds and starts the host; start-up failures (options validation) surface from here.</summary>
    public static JobsTestHost Start(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null) =>
        new(BotHost.Start(Directory.CreateTempSubdirectory("jobsheetqa-jobs-").FullName, ownsContentRoot: true, Defaults.Concat(settings), services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<JobRunLog>();
            services.AddTransient<RecordingJob>();
            configureServices?.Invoke(services);
        }));

    public ValueTask DisposeAsync() => bot.DisposeAsync();
}
