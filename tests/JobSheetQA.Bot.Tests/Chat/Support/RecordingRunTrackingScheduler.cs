using System.Collections.Concurrent;
using JobSheetQA.Bot.Promotions;

namespace JobSheetQA.Bot.Tests.Chat.Support;

/// <summary>
/// Records which promotions asked to be tracked. The chat test host registers it only when nothing else is (the Jobs
/// module's Hangfire tracking wins once registered), so chat tests can check that a dispatch starts tracking.
/// </summary>
public sealed class RecordingRunTrackingScheduler : IRunTrackingScheduler
{
    private readonly ConcurrentQueue<string> requests = new();

    public IReadOnlyList<string> Requests => requests.ToList();

    public void TrackSoon(string promotionId) => requests.Enqueue(promotionId);
}
