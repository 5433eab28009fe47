namespace JobSheetQA.Bot.Storage;

/// <summary>The answer to <see cref="PromotionLocks.TryAcquireAsync"/>: the lock is ours, or someone else's (<see cref="Holder"/> says whose).</summary>
public sealed record LockAcquisition(bool Acquired, EnvironmentLock Holder);
