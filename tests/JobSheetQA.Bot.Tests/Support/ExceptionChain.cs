using JobSheetQA.Bot.Hosting.Settings;

namespace JobSheetQA.Bot.Tests.Support;

/// <summary>
/// Start-up failures arrive wrapped (host, aggregate, the settings check's problem list); the tests look for the cause inside.
/// </summary>
public static class ExceptionChain
{
    public static T Find<T>(Exception exception) where T : Exception =>
        SelfAndInner(exception).OfType<T>().FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"expected a {typeof(T).Name} in {exception}");

    private static IEnumerable<Exception> SelfAndInner(Exception exception)
    {
        yield return exception;
        IEnumerable<Exception> inner = exception switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            InvalidSettingsException invalid => invalid.Problems.Select(p => p.Cause).Distinct(),
            { InnerException: { } single } => [single],
            _ => [],
        };
        foreach (var nested in inner.SelectMany(SelfAndInner))
            yield return nested;
    }
}
