using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Handoff.Storage.Migrations;

/// <summary>Adds the shared staff presence (which consoles are 在线) and the messages of live chats.</summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261122100000_PresenceAndChatMessages")]
public sealed class PresenceAndChatMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handoff_messages",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                handoff_id = t.Column<Guid>(nullable: false),
                from_party = t.Column<string>(maxLength: 16, nullable: false),
                author_id = t.Column<string>(maxLength: 64, nullable: true),
                text = t.Column<string>(nullable: false),
                at_ticks = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_messages", x => x.id));
        migrationBuilder.CreateIndex("ix_handoff_messages_handoff_at", "handoff_messages", ["handoff_id", "at_ticks"]);

        migrationBuilder.CreateTable(
            name: "handoff_presence",
            columns: t => new
            {
                connection_id = t.Column<string>(maxLength: 128, nullable: false),
                user_name = t.Column<string>(maxLength: 64, nullable: false),
                role = t.Column<string>(maxLength: 32, nullable: false),
                online = t.Column<bool>(nullable: false),
                host_id = t.Column<string>(maxLength: 64, nullable: false),
                seen_at_ticks = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_handoff_presence", x => x.connection_id));
        migrationBuilder.CreateIndex("ix_handoff_presence_host_id", "handoff_presence", "host_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("handoff_presence");
        migrationBuilder.DropTable("handoff_messages");
    }
}
