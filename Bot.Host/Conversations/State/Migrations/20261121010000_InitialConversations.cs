using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Host.Conversations.State.Migrations;

// Hand-written and provider-neutral, as docs/decisions/0002 explains.

/// <summary>Creates the conversation tables.</summary>
[DbContext(typeof(ConversationDbContext))]
[Migration("20261121010000_InitialConversations")]
public sealed class InitialConversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "conversations",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 128, nullable: false),
                channel_id = t.Column<string>(maxLength: 32, nullable: false),
                state = t.Column<string>(nullable: false),
                version = t.Column<int>(nullable: false),
                updated_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_conversations", x => x.id));
        migrationBuilder.CreateTable(
            name: "checklists",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 16, nullable: false),
                subject_id = t.Column<string>(maxLength: 32, nullable: false),
                answers = t.Column<string>(nullable: false),
                created_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_checklists", x => x.id));
        migrationBuilder.CreateTable(
            name: "error_reports",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 36, nullable: false),
                conversation_id = t.Column<string>(maxLength: 128, nullable: false),
                subject_id = t.Column<string>(maxLength: 32, nullable: true),
                answer_shown = t.Column<string>(nullable: true),
                note = t.Column<string>(nullable: false),
                created_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_error_reports", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("error_reports");
        migrationBuilder.DropTable("checklists");
        migrationBuilder.DropTable("conversations");
    }
}
