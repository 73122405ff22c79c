using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Knowledge.Storage.Migrations;

// Written by hand (the EF design-time package is not available here) in provider-neutral form:
// column types come from each provider's mapping of the CLR type, so one migration serves
// SQLite and PostgreSQL. A test migrates both and round-trips every table.

/// <summary>Creates the knowledge tables.</summary>
[DbContext(typeof(KnowledgeDbContext))]
[Migration("20261121000000_InitialKnowledge")]
public sealed class InitialKnowledge : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "knowledge_departments",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 32, nullable: false),
                name = t.Column<string>(maxLength: 200, nullable: false),
                content = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_knowledge_departments", x => x.id));
        migrationBuilder.CreateTable(
            name: "knowledge_service_points",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 64, nullable: false),
                name = t.Column<string>(maxLength: 200, nullable: false),
                kind = t.Column<string>(maxLength: 16, nullable: false),
                content = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_knowledge_service_points", x => x.id));
        migrationBuilder.CreateTable(
            name: "knowledge_items",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 32, nullable: false),
                department_id = t.Column<string>(maxLength: 32, nullable: false),
                name = t.Column<string>(maxLength: 200, nullable: false),
                content = t.Column<string>(nullable: false),
                updated_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_knowledge_items", x => x.id));
        migrationBuilder.CreateIndex("ix_knowledge_items_department_id", "knowledge_items", "department_id");
        migrationBuilder.CreateTable(
            name: "knowledge_bundles",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 32, nullable: false),
                name = t.Column<string>(maxLength: 200, nullable: false),
                content = t.Column<string>(nullable: false),
                updated_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_knowledge_bundles", x => x.id));
        migrationBuilder.CreateTable(
            name: "knowledge_seed_imports",
            columns: t => new
            {
                id = t.Column<string>(maxLength: 36, nullable: false),
                hash = t.Column<string>(maxLength: 64, nullable: false),
                items = t.Column<int>(nullable: false),
                imported_at = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_knowledge_seed_imports", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("knowledge_seed_imports");
        migrationBuilder.DropTable("knowledge_bundles");
        migrationBuilder.DropTable("knowledge_items");
        migrationBuilder.DropTable("knowledge_service_points");
        migrationBuilder.DropTable("knowledge_departments");
    }
}
