using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Host.Conversations.State.Migrations;

/// <summary>
/// Adds <c>created_at_ticks</c> (UTC ticks) to error reports so that curators' newest-first list is sorted and cut by
/// the database on SQLite too, and fills it for the reports already there (the one provider-specific statement).
/// </summary>
[DbContext(typeof(ConversationDbContext))]
[Migration("20261122110000_ErrorReportTicks")]
public sealed class ErrorReportTicks : Migration
{
    /// <summary>DateTime ticks of 1970-01-01T00:00:00Z.</summary>
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("created_at_ticks", "error_reports", nullable: false, defaultValue: 0L);
        migrationBuilder.Sql(migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? $"UPDATE error_reports SET created_at_ticks = (extract(epoch from created_at) * 10000000)::bigint + {UnixEpochTicks}"
            : $"UPDATE error_reports SET created_at_ticks = CAST(ROUND((julianday(created_at) - 2440587.5) * 864000000000) AS INTEGER) + {UnixEpochTicks}");
        migrationBuilder.CreateIndex("ix_error_reports_created_at_ticks", "error_reports", "created_at_ticks");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_error_reports_created_at_ticks", "error_reports");
        migrationBuilder.DropColumn("created_at_ticks", "error_reports");
    }
}
