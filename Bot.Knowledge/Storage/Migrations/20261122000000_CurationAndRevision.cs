using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Knowledge.Storage.Migrations;

/// <summary>Adds the missed-query log for curators and the knowledge revision counter that tells hosts to reload.</summary>
[DbContext(typeof(KnowledgeDbContext))]
[Migration("20261122000000_CurationAndRevision")]
public sealed class CurationAndRevision : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "knowledge_missed_queries",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 36, nullable: false),
                at = t.Column<long>(nullable: false),
                channel = t.Column<string>(maxLength: 32, nullable: false),
                query = t.Column<string>(nullable: false),
                decision = t.Column<string>(maxLength: 16, nullable: false),
                candidates = t.Column<string>(nullable: false),
                resolved_with = t.Column<string>(maxLength: 32, nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_knowledge_missed_queries", x => x.id));
        migrationBuilder.CreateIndex("ix_knowledge_missed_queries_at", "knowledge_missed_queries", "at");
        migrationBuilder.CreateTable(
            name: "knowledge_revision",
            columns: t => new
            {
                id = t.Column<int>(nullable: false),
                revision = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_knowledge_revision", x => x.id));
        migrationBuilder.Sql("INSERT INTO knowledge_revision (id, revision) VALUES (1, 0)");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("knowledge_revision");
        migrationBuilder.DropTable("knowledge_missed_queries");
    }
}
