using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Handoff.Storage.Migrations;

// Hand-written and provider-neutral like Knowledge's (docs/decisions/0002): column types come from each
// provider's mapping of the CLR type. Quartz's job-store tables are the one provider-specific part: they are
// Quartz's published DDL for each database, kept as embedded resources (see QuartzSchema).

/// <summary>Creates the handoff, ticket, deadline and staff tables and Quartz's job store.</summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261122000000_InitialHandoff")]
public sealed class InitialHandoff : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handoff_tickets",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                number = t.Column<string>(maxLength: 32, nullable: false),
                category = t.Column<string>(maxLength: 32, nullable: false),
                status = t.Column<string>(maxLength: 32, nullable: false),
                description = t.Column<string>(nullable: false),
                item_ids = t.Column<string>(nullable: false),
                masked_contact = t.Column<string>(maxLength: 64, nullable: true),
                channel_id = t.Column<string>(maxLength: 64, nullable: true),
                conversation_id = t.Column<string>(maxLength: 128, nullable: true),
                handoff_id = t.Column<Guid>(nullable: true),
                created_at = t.Column<DateTimeOffset>(nullable: false),
                created_by = t.Column<string>(maxLength: 64, nullable: false),
                specialist_id = t.Column<string>(maxLength: 64, nullable: true),
                accepted_at = t.Column<DateTimeOffset>(nullable: true),
                lead_department_id = t.Column<string>(maxLength: 32, nullable: true),
                cooperating_department_ids = t.Column<string>(nullable: false),
                resolved_at = t.Column<DateTimeOffset>(nullable: true),
                resolution = t.Column<string>(nullable: true),
                rating = t.Column<string>(maxLength: 32, nullable: true),
                rating_comment = t.Column<string>(nullable: true),
                rated_at = t.Column<DateTimeOffset>(nullable: true),
                cycle = t.Column<int>(nullable: false),
                escalation_level = t.Column<int>(nullable: false),
                rectification_due_at = t.Column<DateTimeOffset>(nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_tickets", x => x.id));
        migrationBuilder.CreateIndex("ux_handoff_tickets_number", "handoff_tickets", "number", unique: true);
        migrationBuilder.CreateIndex("ix_handoff_tickets_status", "handoff_tickets", "status");
        migrationBuilder.CreateIndex("ix_handoff_tickets_lead_department_id", "handoff_tickets", "lead_department_id");

        migrationBuilder.CreateTable(
            name: "handoff_ticket_events",
            columns: t => new
            {
                ticket_id = t.Column<Guid>(nullable: false),
                sequence = t.Column<int>(nullable: false),
                action = t.Column<string>(maxLength: 32, nullable: false),
                from_status = t.Column<string>(maxLength: 32, nullable: true),
                to_status = t.Column<string>(maxLength: 32, nullable: false),
                actor_id = t.Column<string>(maxLength: 64, nullable: false),
                actor_role = t.Column<string>(maxLength: 32, nullable: true),
                at = t.Column<DateTimeOffset>(nullable: false),
                note = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_handoff_ticket_events", x => new { x.ticket_id, x.sequence });
                t.ForeignKey("fk_handoff_ticket_events_ticket", x => x.ticket_id, "handoff_tickets", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "handoff_handoffs",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                conversation_id = t.Column<string>(maxLength: 128, nullable: false),
                channel_id = t.Column<string>(maxLength: 64, nullable: false),
                reason = t.Column<string>(maxLength: 64, nullable: false),
                transcript = t.Column<string>(nullable: false),
                candidate_item_ids = t.Column<string>(nullable: false),
                situation_answers = t.Column<string>(nullable: false),
                masked_contact = t.Column<string>(maxLength: 64, nullable: true),
                status = t.Column<string>(maxLength: 32, nullable: false),
                requested_at = t.Column<DateTimeOffset>(nullable: false),
                specialist_id = t.Column<string>(maxLength: 64, nullable: true),
                accepted_at = t.Column<DateTimeOffset>(nullable: true),
                ended_at = t.Column<DateTimeOffset>(nullable: true),
                outcome = t.Column<string>(nullable: true),
                ticket_number = t.Column<string>(maxLength: 32, nullable: true),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_handoffs", x => x.id));
        migrationBuilder.CreateIndex("ix_handoff_handoffs_conversation_status", "handoff_handoffs", ["conversation_id", "status"]);

        migrationBuilder.CreateTable(
            name: "handoff_staff",
            columns: t => new
            {
                user_name = t.Column<string>(maxLength: 64, nullable: false),
                display_name = t.Column<string>(maxLength: 100, nullable: false),
                employee_number = t.Column<string>(maxLength: 32, nullable: false),
                role = t.Column<string>(maxLength: 32, nullable: false),
                department_id = t.Column<string>(maxLength: 32, nullable: true),
                password_hash = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_staff", x => x.user_name));

        migrationBuilder.CreateTable(
            name: "handoff_contacts",
            columns: t => new
            {
                owner_id = t.Column<Guid>(nullable: false),
                contact = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_contacts", x => x.owner_id));

        migrationBuilder.CreateTable(
            name: "handoff_deadlines",
            columns: t => new
            {
                ticket_id = t.Column<Guid>(nullable: false),
                kind = t.Column<string>(maxLength: 32, nullable: false),
                cycle = t.Column<int>(nullable: false),
                due_at = t.Column<DateTimeOffset>(nullable: false),
                warned_at = t.Column<DateTimeOffset>(nullable: true),
                met_at = t.Column<DateTimeOffset>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_handoff_deadlines", x => new { x.ticket_id, x.kind, x.cycle }));

        migrationBuilder.CreateTable(
            name: "handoff_escalations",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                ticket_id = t.Column<Guid>(nullable: false),
                ticket_number = t.Column<string>(maxLength: 32, nullable: false),
                kind = t.Column<string>(maxLength: 32, nullable: false),
                cycle = t.Column<int>(nullable: false),
                level = t.Column<int>(nullable: false),
                due_at = t.Column<DateTimeOffset>(nullable: false),
                escalated_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_escalations", x => x.id));
        migrationBuilder.CreateIndex("ux_handoff_escalations_once", "handoff_escalations", ["ticket_id", "kind", "cycle", "level"], unique: true);

        migrationBuilder.CreateTable(
            name: "handoff_ticket_counters",
            columns: t => new
            {
                day = t.Column<string>(maxLength: 8, nullable: false),
                last_value = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_ticket_counters", x => x.day));

        foreach (var statement in QuartzSchema.Statements(migrationBuilder.ActiveProvider))
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in QuartzSchema.Tables) migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
        migrationBuilder.DropTable("handoff_ticket_counters");
        migrationBuilder.DropTable("handoff_escalations");
        migrationBuilder.DropTable("handoff_deadlines");
        migrationBuilder.DropTable("handoff_contacts");
        migrationBuilder.DropTable("handoff_staff");
        migrationBuilder.DropTable("handoff_handoffs");
        migrationBuilder.DropTable("handoff_ticket_events");
        migrationBuilder.DropTable("handoff_tickets");
    }
}
