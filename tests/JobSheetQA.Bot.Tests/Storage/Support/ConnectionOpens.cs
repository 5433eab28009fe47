using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobSheetQA.Bot.Tests.Storage.Support;

/// <summary>Counts EF Core's connection-opened events for the database files under one folder (tests run in parallel).</summary>
public sealed class ConnectionOpens : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string folder;
    private readonly List<IDisposable> subscriptions = [];
    private int count;

    public ConnectionOpens(string folder)
    {
        this.folder = folder;
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public int Count => Volatile.Read(ref count);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
                subscriptions.Add(listener.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value is { Key: var name, Value: ConnectionEndEventData opened }
            && name == RelationalEventId.ConnectionOpened.Name
            && opened.Connection.ConnectionString.Contains(folder, StringComparison.Ordinal))
            Interlocked.Increment(ref count);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            foreach (var subscription in subscriptions)
                subscription.Dispose();
        }
    }
}
