using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>
/// The Direct Line transcript: conversations, their activities in order, and uploaded files. Every host of one
/// deployment reads and writes the same tables, so any host can serve any conversation.
/// </summary>
public sealed class DirectLineDbContext(DbContextOptions<DirectLineDbContext> options) : DbContext(options)
{
    /// <summary>Direct Line keeps its own migrations history so that it shares the database with the other libraries.</summary>
    public const string MigrationsHistoryTable = "__directline_migrations";

    internal DbSet<ConversationRow> Conversations => Set<ConversationRow>();
    internal DbSet<ActivityRow> Activities => Set<ActivityRow>();
    internal DbSet<AttachmentRow> Attachments => Set<AttachmentRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConversationRow>(e =>
        {
            e.ToTable("directline_conversations").HasKey(x => x.Id).HasName("pk_directline_conversations");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(64);
            e.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(128);
            e.Property(x => x.LastSequence).HasColumnName("last_sequence");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
        });
        modelBuilder.Entity<ActivityRow>(e =>
        {
            e.ToTable("directline_activities").HasKey(x => new { x.ConversationId, x.Sequence }).HasName("pk_directline_activities");
            e.Property(x => x.ConversationId).HasColumnName("conversation_id").HasMaxLength(64);
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.Property(x => x.ActivityId).HasColumnName("activity_id").HasMaxLength(96);
            e.Property(x => x.Content).HasColumnName("content");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
        });
        modelBuilder.Entity<AttachmentRow>(e =>
        {
            e.ToTable("directline_attachments").HasKey(x => x.Id).HasName("pk_directline_attachments");
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(64);
            e.Property(x => x.ConversationId).HasColumnName("conversation_id").HasMaxLength(64);
            e.Property(x => x.ContentType).HasColumnName("content_type").HasMaxLength(200);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(260);
            e.Property(x => x.Content).HasColumnName("content");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.HasIndex(x => x.ConversationId).HasDatabaseName("ix_directline_attachments_conversation_id");
        });
    }
}
