namespace JobSheetQA.Bot.Tests.Support;

/// <summary>Start-up failures arrive wrapped (host, aggregate, options); the tests look for the cause inside.</summary>
public static class ExceptionChain
{
    public static T Find<T>(Exception exception) where T : Exception =>
        SelfAndInner(exception).OfType<T>().FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"expected a {typeof(T).Name} in {exception}");

    private static IEnumerable<Exception> SelfAndInner(Exception exception)
    {
        yield return exception;
        IEnumerable<Exception> inner = exception is AggregateException aggregate
            ? aggregate.InnerExceptions
            : exception.InnerException is { } single ? [single] : [];
        foreach (var nested in inner.SelectMany(SelfAndInner))
            yield return nested;
    }
}
