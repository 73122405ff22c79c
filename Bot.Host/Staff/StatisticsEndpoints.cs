using System.Text.Json;
using Bot.Handoff.Diagnostics;
using Bot.Handoff.Ratings;
using Bot.Handoff.Sla;
using Bot.Handoff.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Staff;

/// <summary>The supervisor's figures: the queue now, waits, first response, SLA breaches, 好差评 over the last N days.</summary>
internal static class StatisticsEndpoints
{
    public const int MaxDays = 366;

    /// <summary>One bar of a distribution: the API name, the Chinese label, the count.</summary>
    public sealed record Count(string Key, string Label, int Value);

    public sealed record StatisticsView(
        DateTimeOffset Since, DateTimeOffset Until, int QueueLength, double? LongestWaitSeconds, int SpecialistsOnline,
        int Handoffs, int HandoffsAccepted, int HandoffsTimedOut, double? MedianWaitSeconds, double? P90WaitSeconds,
        int TicketsOpened, IReadOnlyList<Count> TicketsByCategory, IReadOnlyList<Count> OpenTicketsByStatus, double? MedianFirstResponseMinutes,
        int SlaBreaches, IReadOnlyList<Count> SlaBreachesByKind, IReadOnlyList<Count> Ratings, double? SatisfactionRate)
    {
        private static string Key<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

        public static StatisticsView Of(HandoffStatistics s) => new(s.Since, s.Until, s.QueueLength, s.LongestWaitSeconds, s.SpecialistsOnline,
            s.Handoffs, s.HandoffsAccepted, s.HandoffsTimedOut, s.MedianWaitSeconds, s.P90WaitSeconds, s.TicketsOpened,
            s.TicketsByCategory.Select(p => new Count(Key(p.Key), p.Key.Label(), p.Value)).ToList(),
            s.OpenTicketsByStatus.Select(p => new Count(Key(p.Key), p.Key.Label(), p.Value)).ToList(),
            s.MedianFirstResponseMinutes, s.SlaBreaches,
            s.SlaBreachesByKind.Select(p => new Count(Key(p.Key), p.Key.Label(), p.Value)).ToList(),
            s.Ratings.Select(p => new Count(Key(p.Key), p.Key.Label(), p.Value)).ToList(),
            s.SatisfactionRate);
    }

    public static IEndpointRouteBuilder MapStaffStatistics(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/staff/statistics", Get).WithTags("Statistics").Roles(StaffRoles.Desk).WithName("HandoffStatistics")
            .WithSummary("Queue length and wait, first-response time, SLA breaches and the 好差评 distribution over the last `days` days (default 7).");
        return routes;
    }

    public static async Task<Results<Ok<StatisticsView>, ProblemHttpResult>> Get(int? days, IHandoffStatistics statistics, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var period = days ?? 7;
        if (period is < 1 or > MaxDays) return TicketsEndpoints.BadRequest("days", $"days must be between 1 and {MaxDays}.");
        var computed = await statistics.ComputeAsync(time.GetUtcNow().AddDays(-period), cancellationToken);
        return TypedResults.Ok(StatisticsView.Of(computed));
    }
}
