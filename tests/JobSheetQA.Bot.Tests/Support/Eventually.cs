using System.Diagnostics;

namespace JobSheetQA.Bot.Tests.Support;

/// <summary>The tests' one wait for something that happens in the background: polls until true, or fails naming it.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, within);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var bound = within ?? TimeSpan.FromSeconds(30);
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > bound)
                throw new Xunit.Sdk.XunitException($"Timed out after {bound.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
