using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Handoff.Sla;

/// <summary>What Quartz runs when a deadline timer fires: hands over to <see cref="DeadlineMonitor"/> in a fresh scope.</summary>
internal sealed class DeadlineJob(IServiceScopeFactory scopes) : IJob
{
    public const string TicketKey = "ticket";
    public const string KindKey = "kind";
    public const string CycleKey = "cycle";
    public const string StageKey = "stage";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var ticketId = Guid.Parse(data.GetString(TicketKey)!);
        var kind = Enum.Parse<DeadlineKind>(data.GetString(KindKey)!);
        var cycle = int.Parse(data.GetString(CycleKey)!, CultureInfo.InvariantCulture);
        var stage = Enum.Parse<DeadlineStage>(data.GetString(StageKey)!);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineMonitor>().FireAsync(ticketId, kind, cycle, stage, cancellationToken);
    }
}
