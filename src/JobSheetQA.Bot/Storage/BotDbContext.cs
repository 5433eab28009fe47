using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// The bot's one data model. Each provider has a subclass (<see cref="SqliteBotDbContext"/>,
/// <see cref="PostgresBotDbContext"/>) only so that each keeps its own migration set; code uses this type.
/// </summary>
/// <remarks>
/// After changing the model, add a migration for BOTH providers (the model tests fail until both exist):
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NAME --project src/JobSheetQA.Bot --context SqliteBotDbContext --output-dir Storage/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/JobSheetQA.Bot --context PostgresBotDbContext --output-dir Storage/Migrations/PostgreSql
/// </code>
/// </remarks>
public abstract class BotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<PromotionEntity> Promotions => Set<PromotionEntity>();

    public DbSet<GateResultEntity> GateResults => Set<GateResultEntity>();

    public DbSet<EnvironmentLockEntity> EnvironmentLocks => Set<EnvironmentLockEntity>();

    public DbSet<AcknowledgementEntity> Acknowledgements => Set<AcknowledgementEntity>();

    public DbSet<StagingVerificationEntity> StagingVerifications => Set<StagingVerificationEntity>();

    public DbSet<WriteWindowEntity> WriteWindows => Set<WriteWindowEntity>();

    public DbSet<PostureChecklistEntity> PostureChecklists => Set<PostureChecklistEntity>();

    public DbSet<ConversationReferenceEntity> ConversationReferences => Set<ConversationReferenceEntity>();

    public DbSet<SubscriptionEntity> Subscriptions => Set<SubscriptionEntity>();

    public DbSet<ProcessedInboundEntity> ProcessedInbound => Set<ProcessedInboundEntity>();

    public DbSet<InboundTurnEntity> InboundTurns => Set<InboundTurnEntity>();

    public DbSet<OutboundPostEntity> OutboundPosts => Set<OutboundPostEntity>();

    public DbSet<AuditEntryEntity> AuditLog => Set<AuditEntryEntity>();

    public DbSet<PendingProtectionReviewEntity> PendingProtectionReviews => Set<PendingProtectionReviewEntity>();

    // SQLite only: every write of the process waits its turn for the one writer. Held in try/finally (using) around the
    // save itself, so no outcome of it (a lost race on the row version included) can leave the writer taken.
    private readonly SqliteWriteFunnel? writeFunnel = options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriteFunnel>().SingleOrDefault();

    /// <summary>
    /// On SQLite, waits for the process's one writer and holds it for this context until the result is disposed; elsewhere
    /// returns null at once. Required around a set-based write (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL), which
    /// does not go through <c>SaveChanges</c>: <see cref="SqliteWriteFunnel"/> refuses a write statement made without it.
    /// Saves on this context meanwhile use the writer it holds. <paramref name="changesDecisionFacts"/> false only for
    /// writes to rows no decision reads (inbound turns): they leave facts kept by <see cref="StoredFactsReader"/> as they are.
    /// </summary>
    public async Task<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken, bool changesDecisionFacts = true)
    {
        if (writeFunnel is null)
            return null;
        var connection = Database.GetDbConnection();
        if (writeFunnel.IsHeldBy(connection))
            throw new InvalidOperationException("This context already holds the SQLite writer.");
        return await writeFunnel.EnterAsync(connection, cancellationToken, changesDecisionFacts);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        var connection = Database.GetDbConnection();
        using var turn = writeFunnel is null || writeFunnel.IsHeldBy(connection) ? null : writeFunnel.Enter(connection);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        var connection = Database.GetDbConnection();
        using var turn = writeFunnel is null || writeFunnel.IsHeldBy(connection) ? null : await writeFunnel.EnterAsync(connection, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();

        // Enums by name: readable in SQL and safe when a member is added in the middle.
        configurationBuilder.Properties<PromotionState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AcknowledgementState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PromotionStep>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<StepOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PromotionFailure>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Verdict>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PromotionSource>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<InboundTurnState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PostureChecklistStage>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PendingReviewState>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PromotionEntity>(promotion =>
        {
            promotion.ToTable("promotions");
            promotion.HasKey(p => p.Id);
            promotion.Property(p => p.RowVersion).IsConcurrencyToken();
            promotion.HasIndex(p => new { p.Environment, p.CreatedAt });
            promotion.HasIndex(p => p.CommitSha);
            promotion.HasIndex(p => p.State);
            promotion.HasIndex(p => p.CorrelationId).IsUnique();
            promotion.HasMany(p => p.GateResults).WithOne().HasForeignKey(g => g.PromotionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<GateResultEntity>(gate =>
        {
            gate.ToTable("gate_results");
            gate.HasKey(g => new { g.PromotionId, g.Step });
        });

        modelBuilder.Entity<EnvironmentLockEntity>(environmentLock =>
        {
            environmentLock.ToTable("environment_locks");
            // The key is the environment alone: the database enforces one promotion in flight per environment.
            environmentLock.HasKey(l => l.Environment);
        });

        modelBuilder.Entity<AcknowledgementEntity>(acknowledgement =>
        {
            acknowledgement.ToTable("acknowledgements");
            acknowledgement.HasKey(a => a.Id);
            acknowledgement.HasIndex(a => a.PromotionId);
            acknowledgement.HasIndex(a => new { a.State, a.ExpiresAt });
            acknowledgement.HasOne<PromotionEntity>().WithMany().HasForeignKey(a => a.PromotionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StagingVerificationEntity>(verification =>
        {
            verification.ToTable("staging_verifications");
            verification.HasKey(v => v.Id);
            verification.HasIndex(v => new { v.CommitSha, v.Environment });
        });

        modelBuilder.Entity<WriteWindowEntity>(window =>
        {
            window.ToTable("write_windows");
            window.HasKey(w => w.Id);
            window.HasIndex(w => new { w.Environment, w.EndsAt });
            window.Ignore(w => w.IsManaged);
            window.Property(w => w.ManagedFlags).HasMaxLength(200);
            window.Property(w => w.PreviousValues).HasMaxLength(2000);
            window.Property(w => w.RestoreError).HasMaxLength(1000);
            window.HasOne<ConversationReferenceEntity>().WithMany().HasForeignKey(w => w.ConversationReferenceId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<PostureChecklistEntity>(checklist =>
        {
            checklist.ToTable("posture_checklists");
            checklist.HasKey(c => c.Id);
            // One checklist per promotion and stage: the first answers are the evidence (runbook §4.2).
            checklist.HasIndex(c => new { c.PromotionId, c.Stage }).IsUnique();
            checklist.HasOne<PromotionEntity>().WithMany().HasForeignKey(c => c.PromotionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ConversationReferenceEntity>(reference =>
        {
            reference.ToTable("conversation_references");
            reference.HasKey(r => r.Id);
            reference.HasIndex(r => new { r.Channel, r.ConversationId }).IsUnique();
        });

        modelBuilder.Entity<SubscriptionEntity>(subscription =>
        {
            subscription.ToTable("subscriptions");
            subscription.HasKey(s => s.Id);
            subscription.HasIndex(s => s.ConversationReferenceId).IsUnique();
            subscription.HasOne(s => s.ConversationReference).WithMany().HasForeignKey(s => s.ConversationReferenceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProcessedInboundEntity>(processed =>
        {
            processed.ToTable("processed_inbound");
            processed.HasKey(p => new { p.Channel, p.InboundId });
            processed.HasIndex(p => p.ReceivedAt);
        });

        modelBuilder.Entity<InboundTurnEntity>(turn =>
        {
            turn.ToTable("inbound_turns");
            turn.HasKey(t => t.Id);
            // Accepted with its processed_inbound row, in one transaction; the row stays while the turn is unfinished.
            turn.HasIndex(t => new { t.Channel, t.InboundId }).IsUnique();
            turn.HasIndex(t => new { t.State, t.NextAttemptAt });
            // "Is an earlier turn of this conversation unfinished?" seeks the unfinished states instead of reading the
            // conversation's whole history (finished turns are kept for days).
            turn.HasIndex(t => new { t.ConversationKey, t.State, t.Id });
        });

        modelBuilder.Entity<OutboundPostEntity>(post =>
        {
            post.ToTable("outbound_posts");
            post.HasKey(p => p.IdempotencyKey);
            post.HasIndex(p => p.PromotionId);
        });

        modelBuilder.Entity<AuditEntryEntity>(entry =>
        {
            entry.ToTable("audit_log");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => e.PromotionId);
        });

        modelBuilder.Entity<PendingProtectionReviewEntity>(review =>
        {
            review.ToTable("pending_protection_reviews");
            review.HasKey(r => r.Id);
            // One review per deployment GitHub waits on: a redelivery (or a duplicate delivery) finds the row and adds nothing.
            review.HasIndex(r => new { r.RunId, r.Environment, r.DeploymentId }).IsUnique();
            review.HasIndex(r => r.State);
        });

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
                property.SetColumnName(SnakeCaseNames.From(property.Name));
        }
    }

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntryEntity && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit log is append-only: entries are never updated or deleted.");

            if (entry is { Entity: PromotionEntity promotion, State: EntityState.Modified })
                promotion.RowVersion++;
        }
    }
}
