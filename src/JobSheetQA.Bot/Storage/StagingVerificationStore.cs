using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>The staging verification checklists people record with <c>verify staging</c> (runbook §3.1 steps 3–4).</summary>
public sealed class StagingVerificationStore(IDbContextFactory<BotDbContext> contexts)
{
    public async Task RecordAsync(StagingVerification verification, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.StagingVerifications.Add(new StagingVerificationEntity
        {
            Environment = verification.Environment,
            CommitSha = verification.CommitSha,
            VerifiedBy = verification.VerifiedBy,
            VerifiedById = verification.VerifiedById,
            VerifiedAt = verification.VerifiedAt,
            ApplicationHealthy = verification.ApplicationHealthy,
            SmokeTestsPassed = verification.SmokeTestsPassed,
            KeyFunctionalityVerified = verification.KeyFunctionalityVerified,
            Note = verification.Note,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every verification recorded for <paramref name="commitSha"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StagingVerification>> ForCommitAsync(string commitSha, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ForCommitAsync(db, commitSha, cancellationToken);
    }

    /// <inheritdoc cref="ForCommitAsync(string, CancellationToken)"/>
    internal static async Task<IReadOnlyList<StagingVerification>> ForCommitAsync(BotDbContext db, string commitSha, CancellationToken cancellationToken)
    {
        var rows = await db.StagingVerifications.AsNoTracking()
            .Where(v => v.CommitSha == commitSha)
            .OrderBy(v => v.VerifiedAt).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(v => new StagingVerification(
            v.Environment, v.CommitSha, v.VerifiedBy, v.VerifiedAt, v.ApplicationHealthy, v.SmokeTestsPassed, v.KeyFunctionalityVerified, v.Note, v.VerifiedById)).ToList();
    }
}
