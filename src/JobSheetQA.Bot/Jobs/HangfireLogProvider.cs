using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Hangfire's logging goes through one process-wide provider, set by the host that configured Hangfire last. When
/// several hosts share a process (tests) and that host has already stopped, its logger factory is disposed: components
/// of a host still starting get a silent logger instead of an <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
