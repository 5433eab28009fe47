using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Answers to the read-only posture checklist (runbook §4.2): asked of the requester before dispatch, and after a
/// production success (§3.2 step 4). The first answer per promotion and stage is kept; the database's unique index
/// decides between two instances.
/// </summary>
public sealed class PostureChecklistStore(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>Records <paramref name="checklist"/> unless its promotion already has one of its stage; returns the one that is stored.</summary>
    public async Task<PostureChecklistRecording> RecordAsync(PostureChecklistEntity checklist, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.PostureChecklists.AsNoTracking().FirstOrDefaultAsync(c => c.PromotionId == checklist.PromotionId && c.Stage == checklist.Stage, cancellationToken);
            if (existing is not null)
                return new PostureChecklistRecording(false, existing);

            db.PostureChecklists.Add(checklist);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new PostureChecklistRecording(true, checklist);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Answered at the same moment elsewhere; that answer stands.
            }
        }

        return new PostureChecklistRecording(false, (await ForPromotionAsync(checklist.PromotionId, checklist.Stage, cancellationToken))!);
    }

    public async Task<PostureChecklistEntity?> ForPromotionAsync(string promotionId, PostureChecklistStage stage = PostureChecklistStage.AfterDeploy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ForPromotionAsync(db, promotionId, stage, cancellationToken);
    }

    /// <inheritdoc cref="ForPromotionAsync(string, PostureChecklistStage, CancellationToken)"/>
    internal static async Task<PostureChecklistEntity?> ForPromotionAsync(BotDbContext db, string promotionId, PostureChecklistStage stage, CancellationToken cancellationToken)
    {
        return await db.PostureChecklists.AsNoTracking().FirstOrDefaultAsync(c => c.PromotionId == promotionId && c.Stage == stage, cancellationToken);
    }

    /// <summary>The newest checklist of <paramref name="stage"/> recorded for <paramref name="environment"/>, or null.</summary>
    public async Task<PostureChecklistEntity?> LatestAsync(string environment, PostureChecklistStage stage = PostureChecklistStage.AfterDeploy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PostureChecklists.AsNoTracking()
            .Where(c => c.Environment == environment && c.Stage == stage)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>What <see cref="PostureChecklistStore.RecordAsync"/> did: recorded this answer, or found an earlier one.</summary>
/// <param name="Recorded">True when this call stored <paramref name="Checklist"/>.</param>
/// <param name="Checklist">The checklist now stored for the promotion.</param>
public sealed record PostureChecklistRecording(bool Recorded, PostureChecklistEntity Checklist);
