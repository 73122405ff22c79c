using Bot.Handoff.Handoffs;
using Bot.Handoff.Staff;
using Bot.Handoff.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Bot.Handoff.Storage;

/// <summary>Handoffs, tickets with their audit trail, deadlines, escalations and staff accounts. The provider is chosen by the host.</summary>
public sealed class HandoffDbContext(DbContextOptions<HandoffDbContext> options) : DbContext(options)
{
    /// <summary>Handoff keeps its own migrations history so that it can share the database with other libraries.</summary>
    public const string MigrationsHistoryTable = "__handoff_migrations";

    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<LiveHandoff> Handoffs => Set<LiveHandoff>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    internal DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    internal DbSet<ContactRow> Contacts => Set<ContactRow>();
    internal DbSet<DeadlineRow> Deadlines => Set<DeadlineRow>();
    internal DbSet<EscalationRow> Escalations => Set<EscalationRow>();
    internal DbSet<TicketCounterRow> TicketCounters => Set<TicketCounterRow>();
    public DbSet<HandoffMessage> HandoffMessages => Set<HandoffMessage>();
    internal DbSet<PresenceRow> Presence => Set<PresenceRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(e =>
        {
            e.ToTable("handoff_tickets").HasKey(x => x.Id).HasName("pk_handoff_tickets");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Number).HasColumnName("number").HasMaxLength(32);
            e.HasIndex(x => x.Number).IsUnique().HasDatabaseName("ux_handoff_tickets_number");
            e.Property(x => x.Category).HasColumnName("category").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
            e.HasIndex(x => x.Status).HasDatabaseName("ix_handoff_tickets_status");
            e.Property(x => x.Description).HasColumnName("description");
            e.Ignore(x => x.ItemIds);
            e.Property<List<string>>("_itemIds").HasColumnName("item_ids").AsJson();
            e.Property(x => x.MaskedContact).HasColumnName("masked_contact").HasMaxLength(64);
            e.Property(x => x.ChannelId).HasColumnName("channel_id").HasMaxLength(64);
            e.Property(x => x.ConversationId).HasColumnName("conversation_id").HasMaxLength(128);
            e.Property(x => x.HandoffId).HasColumnName("handoff_id");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.CreatedBy).HasColumnName("created_by").HasMaxLength(64);
            e.Property(x => x.SpecialistId).HasColumnName("specialist_id").HasMaxLength(64);
            e.Property(x => x.AcceptedAt).HasColumnName("accepted_at");
            e.Property(x => x.LeadDepartmentId).HasColumnName("lead_department_id").HasMaxLength(32);
            e.HasIndex(x => x.LeadDepartmentId).HasDatabaseName("ix_handoff_tickets_lead_department_id");
            e.Ignore(x => x.CooperatingDepartmentIds);
            e.Property<List<string>>("_cooperatingDepartmentIds").HasColumnName("cooperating_department_ids").AsJson();
            e.Property(x => x.ResolvedAt).HasColumnName("resolved_at");
            e.Property(x => x.Resolution).HasColumnName("resolution");
            e.Property(x => x.Rating).HasColumnName("rating").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.RatingComment).HasColumnName("rating_comment");
            e.Property(x => x.RatedAt).HasColumnName("rated_at");
            e.Property(x => x.Cycle).HasColumnName("cycle");
            e.Property(x => x.EscalationLevel).HasColumnName("escalation_level");
            e.Property(x => x.RectificationDueAt).HasColumnName("rectification_due_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsOpen);
            e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.TicketId).HasConstraintName("fk_handoff_ticket_events_ticket");
            e.Navigation(x => x.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<TicketEvent>(e =>
        {
            e.ToTable("handoff_ticket_events").HasKey(x => new { x.TicketId, x.Sequence }).HasName("pk_handoff_ticket_events");
            e.Property(x => x.TicketId).HasColumnName("ticket_id");
            e.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            e.Property(x => x.Action).HasColumnName("action").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.FromStatus).HasColumnName("from_status").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ToStatus).HasColumnName("to_status").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ActorId).HasColumnName("actor_id").HasMaxLength(64);
            e.Property(x => x.ActorRole).HasColumnName("actor_role").HasMaxLength(32);
            e.Property(x => x.At).HasColumnName("at");
            e.Property(x => x.Note).HasColumnName("note");
        });
        modelBuilder.Entity<LiveHandoff>(e =>
        {
            e.ToTable("handoff_handoffs").HasKey(x => x.Id).HasName("pk_handoff_handoffs");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ConversationId).HasColumnName("conversation_id").HasMaxLength(128);
            e.Property(x => x.ChannelId).HasColumnName("channel_id").HasMaxLength(64);
            e.HasIndex(x => new { x.ConversationId, x.Status }).HasDatabaseName("ix_handoff_handoffs_conversation_status");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(64);
            e.Ignore(x => x.TranscriptExcerpt);
            e.Property<List<TranscriptLine>>("_transcript").HasColumnName("transcript").AsJson();
            e.Ignore(x => x.CandidateItemIds);
            e.Property<List<string>>("_candidateItemIds").HasColumnName("candidate_item_ids").AsJson();
            e.Ignore(x => x.SituationAnswers);
            e.Property<Dictionary<string, string>>("_situationAnswers").HasColumnName("situation_answers").AsJson();
            e.Property(x => x.MaskedContact).HasColumnName("masked_contact").HasMaxLength(64);
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.RequestedAt).HasColumnName("requested_at");
            e.Property(x => x.SpecialistId).HasColumnName("specialist_id").HasMaxLength(64);
            e.Property(x => x.AcceptedAt).HasColumnName("accepted_at");
            e.Property(x => x.EndedAt).HasColumnName("ended_at");
            e.Property(x => x.Outcome).HasColumnName("outcome");
            e.Property(x => x.TicketNumber).HasColumnName("ticket_number").HasMaxLength(32);
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsActive);
        });
        modelBuilder.Entity<StaffMember>(e =>
        {
            e.ToTable("handoff_staff").HasKey(x => x.UserName).HasName("pk_handoff_staff");
            e.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
            e.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(100);
            e.Property(x => x.EmployeeNumber).HasColumnName("employee_number").HasMaxLength(32);
            e.Property(x => x.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.DepartmentId).HasColumnName("department_id").HasMaxLength(32);
            e.Property(x => x.PasswordHash).HasColumnName("password_hash");
        });
        modelBuilder.Entity<ContactRow>(e =>
        {
            e.ToTable("handoff_contacts").HasKey(x => x.OwnerId).HasName("pk_handoff_contacts");
            e.Property(x => x.OwnerId).HasColumnName("owner_id");
            e.Property(x => x.Contact).HasColumnName("contact").HasMaxLength(200);
        });
        modelBuilder.Entity<DeadlineRow>(e =>
        {
            e.ToTable("handoff_deadlines").HasKey(x => new { x.TicketId, x.Kind, x.Cycle }).HasName("pk_handoff_deadlines");
            e.Property(x => x.TicketId).HasColumnName("ticket_id");
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Cycle).HasColumnName("cycle");
            e.Property(x => x.DueAt).HasColumnName("due_at");
            e.Property(x => x.WarnedAt).HasColumnName("warned_at");
            e.Property(x => x.MetAt).HasColumnName("met_at");
        });
        modelBuilder.Entity<EscalationRow>(e =>
        {
            e.ToTable("handoff_escalations").HasKey(x => x.Id).HasName("pk_handoff_escalations");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.TicketId).HasColumnName("ticket_id");
            e.Property(x => x.TicketNumber).HasColumnName("ticket_number").HasMaxLength(32);
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Cycle).HasColumnName("cycle");
            e.Property(x => x.Level).HasColumnName("level");
            e.Property(x => x.DueAt).HasColumnName("due_at");
            e.Property(x => x.EscalatedAt).HasColumnName("escalated_at");
            e.HasIndex(x => new { x.TicketId, x.Kind, x.Cycle, x.Level }).IsUnique().HasDatabaseName("ux_handoff_escalations_once");
        });
        modelBuilder.Entity<TicketCounterRow>(e =>
        {
            e.ToTable("handoff_ticket_counters").HasKey(x => x.Day).HasName("pk_handoff_ticket_counters");
            e.Property(x => x.Day).HasColumnName("day").HasMaxLength(8);
            e.Property(x => x.LastValue).HasColumnName("last_value");
        });
        modelBuilder.Entity<HandoffMessage>(e =>
        {
            e.ToTable("handoff_messages").HasKey(x => x.Id).HasName("pk_handoff_messages");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.HandoffId).HasColumnName("handoff_id");
            e.Property(x => x.From).HasColumnName("from_party").HasMaxLength(16);
            e.Property(x => x.AuthorId).HasColumnName("author_id").HasMaxLength(64);
            e.Property(x => x.Text).HasColumnName("text");
            e.Property(x => x.AtTicks).HasColumnName("at_ticks");
            e.Ignore(x => x.At);
            e.HasIndex(x => new { x.HandoffId, x.AtTicks }).HasDatabaseName("ix_handoff_messages_handoff_at");
        });
        modelBuilder.Entity<PresenceRow>(e =>
        {
            e.ToTable("handoff_presence").HasKey(x => x.ConnectionId).HasName("pk_handoff_presence");
            e.Property(x => x.ConnectionId).HasColumnName("connection_id").HasMaxLength(128);
            e.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
            e.Property(x => x.Role).HasColumnName("role").HasMaxLength(32);
            e.Property(x => x.Online).HasColumnName("online");
            e.Property(x => x.HostId).HasColumnName("host_id").HasMaxLength(64);
            e.Property(x => x.SeenAtTicks).HasColumnName("seen_at_ticks");
            e.HasIndex(x => x.HostId).HasDatabaseName("ix_handoff_presence_host_id");
        });
    }
}
