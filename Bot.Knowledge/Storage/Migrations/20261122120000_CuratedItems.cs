using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Knowledge.Storage.Migrations;

/// <summary>
/// Marks items a curator published (<c>curated_at_ticks</c>) and what the seed last said of each (<c>seed_hash</c>),
/// so that a seed import keeps a curator's correction of an item the seed files did not change.
/// </summary>
[DbContext(typeof(KnowledgeDbContext))]
[Migration("20261122120000_CuratedItems")]
public sealed class CuratedItems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("seed_hash", "knowledge_items", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<long>("curated_at_ticks", "knowledge_items", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("curated_at_ticks", "knowledge_items");
        migrationBuilder.DropColumn("seed_hash", "knowledge_items");
    }
}
