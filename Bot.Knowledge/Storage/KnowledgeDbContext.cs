using Microsoft.EntityFrameworkCore;

namespace Bot.Knowledge.Storage;

/// <summary>The knowledge tables. The provider (SQLite or PostgreSQL) is chosen by the host.</summary>
public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : DbContext(options)
{
    /// <summary>Knowledge keeps its own migrations history so that other libraries can share the database.</summary>
    public const string MigrationsHistoryTable = "__knowledge_migrations";

    internal DbSet<DepartmentRow> Departments => Set<DepartmentRow>();
    internal DbSet<ServicePointRow> ServicePoints => Set<ServicePointRow>();
    internal DbSet<ItemRow> Items => Set<ItemRow>();
    internal DbSet<BundleRow> Bundles => Set<BundleRow>();
    internal DbSet<SeedImportRow> SeedImports => Set<SeedImportRow>();
    internal DbSet<MissedQueryRow> MissedQueries => Set<MissedQueryRow>();
    internal DbSet<KnowledgeRevisionRow> Revisions => Set<KnowledgeRevisionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DepartmentRow>(e =>
        {
            e.ToTable("knowledge_departments").HasKey(x => x.Id).HasName("pk_knowledge_departments");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(32);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
            e.Property(x => x.Content).HasColumnName("content");
        });
        modelBuilder.Entity<ServicePointRow>(e =>
        {
            e.ToTable("knowledge_service_points").HasKey(x => x.Id).HasName("pk_knowledge_service_points");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(64);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(16);
            e.Property(x => x.Content).HasColumnName("content");
        });
        modelBuilder.Entity<ItemRow>(e =>
        {
            e.ToTable("knowledge_items").HasKey(x => x.Id).HasName("pk_knowledge_items");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(32);
            e.Property(x => x.DepartmentId).HasColumnName("department_id").HasMaxLength(32);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
            e.Property(x => x.Content).HasColumnName("content");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.Property(x => x.SeedHash).HasColumnName("seed_hash").HasMaxLength(64);
            e.Property(x => x.CuratedAtTicks).HasColumnName("curated_at_ticks");
            e.HasIndex(x => x.DepartmentId).HasDatabaseName("ix_knowledge_items_department_id");
        });
        modelBuilder.Entity<BundleRow>(e =>
        {
            e.ToTable("knowledge_bundles").HasKey(x => x.Id).HasName("pk_knowledge_bundles");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(32);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
            e.Property(x => x.Content).HasColumnName("content");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<SeedImportRow>(e =>
        {
            e.ToTable("knowledge_seed_imports").HasKey(x => x.Id).HasName("pk_knowledge_seed_imports");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(36);
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            e.Property(x => x.Items).HasColumnName("items");
            e.Property(x => x.ImportedAt).HasColumnName("imported_at");
        });
        modelBuilder.Entity<MissedQueryRow>(e =>
        {
            e.ToTable("knowledge_missed_queries").HasKey(x => x.Id).HasName("pk_knowledge_missed_queries");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(36);
            // Stored as UTC ticks: orderable on SQLite too, which cannot sort DateTimeOffset.
            e.Property(x => x.At).HasColumnName("at").HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            e.Property(x => x.Channel).HasColumnName("channel").HasMaxLength(32);
            e.Property(x => x.Query).HasColumnName("query");
            e.Property(x => x.Decision).HasColumnName("decision").HasMaxLength(16);
            e.Property(x => x.Candidates).HasColumnName("candidates");
            e.Property(x => x.ResolvedWith).HasColumnName("resolved_with").HasMaxLength(32);
        });
        modelBuilder.Entity<KnowledgeRevisionRow>(e =>
        {
            e.ToTable("knowledge_revision").HasKey(x => x.Id).HasName("pk_knowledge_revision");
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Revision).HasColumnName("revision");
        });
    }
}
