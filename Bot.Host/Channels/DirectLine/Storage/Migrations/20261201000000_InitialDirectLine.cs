using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Host.Channels.DirectLine.Storage.Migrations;

// Written by hand in provider-neutral form, like Knowledge's (docs/decisions/0002): column types come from each
// provider's mapping of the CLR type, so one migration serves SQLite and PostgreSQL.

/// <summary>Creates the Direct Line transcript tables.</summary>
[DbContext(typeof(DirectLineDbContext))]
[Migration("20261201000000_InitialDirectLine")]
public sealed class InitialDirectLine : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "directline_conversations",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 64, nullable: false),
                user_id = t.Column<string>(maxLength: 128, nullable: true),
                last_sequence = t.Column<long>(nullable: false),
                created_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_directline_conversations", x => x.id));
        migrationBuilder.CreateTable(
            name: "directline_activities",
            columns: t => new
            {
                conversation_id = t.Column<string>(maxLength: 64, nullable: false),
                sequence = t.Column<long>(nullable: false),
                activity_id = t.Column<string>(maxLength: 96, nullable: false),
                content = t.Column<string>(nullable: false),
                created_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_directline_activities", x => new { x.conversation_id, x.sequence }));
        migrationBuilder.CreateTable(
            name: "directline_attachments",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 64, nullable: false),
                conversation_id = t.Column<string>(maxLength: 64, nullable: false),
                content_type = t.Column<string>(maxLength: 200, nullable: false),
                name = t.Column<string>(maxLength: 260, nullable: true),
                content = t.Column<byte[]>(nullable: false),
                created_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_directline_attachments", x => x.id));
        migrationBuilder.CreateIndex("ix_directline_attachments_conversation_id", "directline_attachments", "conversation_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("directline_attachments");
        migrationBuilder.DropTable("directline_activities");
        migrationBuilder.DropTable("directline_conversations");
    }
}
