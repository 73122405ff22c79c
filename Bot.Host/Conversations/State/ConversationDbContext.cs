using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Conversations.State;

/// <summary>Conversation state, shareable checklists and the errors citizens report.</summary>
public sealed class ConversationDbContext(DbContextOptions<ConversationDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__conversation_migrations";

    internal DbSet<ConversationRow> Conversations => Set<ConversationRow>();
    internal DbSet<ChecklistRow> Checklists => Set<ChecklistRow>();
    internal DbSet<ErrorReportRow> ErrorReports => Set<ErrorReportRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConversationRow>(e =>
        {
            e.ToTable("conversations").HasKey(x => x.Id).HasName("pk_conversations");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(128);
            e.Property(x => x.ChannelId).HasColumnName("channel_id").HasMaxLength(32);
            e.Property(x => x.State).HasColumnName("state");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<ChecklistRow>(e =>
        {
            e.ToTable("checklists").HasKey(x => x.Id).HasName("pk_checklists");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(16);
            e.Property(x => x.SubjectId).HasColumnName("subject_id").HasMaxLength(32);
            e.Property(x => x.Answers).HasColumnName("answers");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
        });
        modelBuilder.Entity<ErrorReportRow>(e =>
        {
            e.ToTable("error_reports").HasKey(x => x.Id).HasName("pk_error_reports");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(36);
            e.Property(x => x.ConversationId).HasColumnName("conversation_id").HasMaxLength(128);
            e.Property(x => x.SubjectId).HasColumnName("subject_id").HasMaxLength(32);
            e.Property(x => x.AnswerShown).HasColumnName("answer_shown");
            e.Property(x => x.Note).HasColumnName("note");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.CreatedAtTicks).HasColumnName("created_at_ticks");
            e.HasIndex(x => x.CreatedAtTicks).HasDatabaseName("ix_error_reports_created_at_ticks");
        });
    }
}
