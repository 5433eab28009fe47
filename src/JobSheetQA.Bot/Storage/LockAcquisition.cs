using System.Globalization;

namespace JobSheetQA.Bot.Storage;

/// <summary>The answer to <see cref="PromotionLocks.TryAcquireAsync"/>: the lock is ours, or someone else's (<see cref="Holder"/> says whose).</summary>
public sealed record LockAcquisition(bool Acquired, EnvironmentLock Holder)
{
    /// <summary>What chat says when the environment is taken: "staging is held by Alice since 2026-11-26 08:00 UTC (promotion k7m2q9xa)".</summary>
    public string Describe() => Acquired
        ? $"{Holder.Environment} is held by this promotion ({Holder.PromotionId})"
        : $"{Holder.Environment} is held by {Holder.HeldBy} since "
          + $"{Holder.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (promotion {Holder.PromotionId})";
}
