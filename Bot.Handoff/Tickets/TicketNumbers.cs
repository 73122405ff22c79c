using System.Globalization;
using Bot.Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bot.Handoff.Tickets;

/// <summary>
/// Hands out <c>GD-yyyyMMdd-0001</c>: one counter row per local day, incremented by a single UPDATE … RETURNING,
/// which the database serialises, so hosts sharing it never hand out the same number (both SQLite and PostgreSQL
/// support the statement). A number whose ticket then fails to save is simply skipped.
/// </summary>
internal sealed class TicketNumbers(HandoffDbContext db, IOptions<HandoffOptions> options)
{
    public async Task<string> NextAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var day = at.ToOffset(TimeSpan.FromHours(settings.Calendar.UtcOffsetHours)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO handoff_ticket_counters (day, last_value) VALUES ({day}, 0) ON CONFLICT (day) DO NOTHING", cancellationToken);
        var values = await db.Database
            .SqlQuery<int>($"UPDATE handoff_ticket_counters SET last_value = last_value + 1 WHERE day = {day} RETURNING last_value AS \"Value\"")
            .ToListAsync(cancellationToken);
        return $"{settings.TicketPrefix}-{day}-{values.Single():D4}";
    }
}
