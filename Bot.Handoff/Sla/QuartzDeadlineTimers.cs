using Bot.Handoff.Diagnostics;
using Bot.Handoff.Storage;
using Bot.Handoff.Storage.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bot.Handoff.Sla;

/// <summary>
/// Hosts a Quartz scheduler on the handoff database (its ADO.NET job store: SQLite embedded, PostgreSQL clustered)
/// and keeps one job per deadline with three one-shot triggers. Started after the store is migrated; on start it
/// re-schedules any open deadline whose timer is missing, so a crash between saving a ticket and scheduling its
/// timer loses nothing. A host with <c>Handoff:Scheduler:Enabled=false</c> still schedules, it just never fires.
/// </summary>
internal sealed class QuartzDeadlineTimers(
    IServiceProvider services,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IDeadlineTimers, IHostedService, IAsyncDisposable
{
    private const string SchedulerName = "govdoorplate-deadlines";
    private const string Group = "deadlines";
    private readonly ILogger _logger = loggers.CreateLogger<QuartzDeadlineTimers>();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ISchedulerFactory? _factory;
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var settings = options.Value.Scheduler;
        if (settings.Enabled) await scheduler.Start(cancellationToken);
        else _logger.SchedulerDisabled();
        await RescheduleMissingAsync(scheduler, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is { } scheduler) await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    public async Task ScheduleAsync(DeadlineTimer timer, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var key = JobKeyOf(timer.TicketId, timer.Kind, timer.Cycle);
        var job = JobBuilder.Create<DeadlineJob>()
            .WithIdentity(key)
            .UsingJobData(DeadlineJob.TicketKey, timer.TicketId.ToString())
            .UsingJobData(DeadlineJob.KindKey, timer.Kind.ToString())
            .UsingJobData(DeadlineJob.CycleKey, timer.Cycle.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Build();
        var triggers = new List<ITrigger>
        {
            Trigger(key, DeadlineStage.FirstEscalation, timer.DueAt),
            Trigger(key, DeadlineStage.SecondEscalation, timer.SecondEscalationAt),
        };
        if (timer.WarnAt is { } warnAt) triggers.Add(Trigger(key, DeadlineStage.Warning, warnAt));
        await scheduler.ScheduleJob(job, triggers, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task CancelAsync(Guid ticketId, DeadlineKind kind, int cycle, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        await scheduler.DeleteJob(JobKeyOf(ticketId, kind, cycle), cancellationToken);
    }

    /// <summary>Whether the timer of <paramref name="stage"/> is still waiting to fire (a fired one-shot trigger is gone).</summary>
    internal async Task<bool> IsPendingAsync(Guid ticketId, DeadlineKind kind, int cycle, DeadlineStage stage, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        return await scheduler.Exists(new TriggerKey($"{JobKeyOf(ticketId, kind, cycle).Name}/{stage}", Group), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else (_factory as IDisposable)?.Dispose();
        _gate.Dispose();
    }

    private ITrigger Trigger(JobKey job, DeadlineStage stage, DateTimeOffset at) =>
        TriggerBuilder.Create(time)
            .WithIdentity($"{job.Name}/{stage}", Group)
            .ForJob(job)
            .UsingJobData(DeadlineJob.StageKey, stage.ToString())
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    private static JobKey JobKeyOf(Guid ticketId, DeadlineKind kind, int cycle) => new($"{ticketId:N}/{kind}/{cycle}", Group);

    private async Task<IScheduler> SchedulerAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is { } built) return built;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_scheduler is not null) return _scheduler;
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Database;
            var postgres = database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
            var connectionString = database.GetConnectionString()
                ?? throw new InvalidOperationException("The handoff store has no connection string for the deadline scheduler.");
            var settings = options.Value.Scheduler;
            var clustered = settings.Clustered ?? postgres;
            var instanceId = settings.InstanceId ?? $"{Environment.MachineName}-{Guid.NewGuid():N}";
            _factory = QuartzSchedulerBuilder.Create(q =>
            {
                q.ConfigureScheduler(s =>
                {
                    s.InstanceName = SchedulerName;
                    s.InstanceId = instanceId;
                });
                q.UseTimeProvider(time);
                q.UseDefaultThreadPool(2);
                q.Services.AddSingleton(loggers);
                q.Services.AddTransient(_ => new DeadlineJob(services.GetRequiredService<IServiceScopeFactory>()));
                q.UsePersistentStore(store =>
                {
                    if (postgres) store.UsePostgres(connectionString);
                    else store.UseSqlite(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(o =>
                    {
                        o.TablePrefix = QuartzSchema.TablePrefix;
                        o.StoreJobDataAsStrings = true;
                        o.SchemaProvisioning = SchemaProvisioning.Validate;
                    });
                    if (clustered) store.UseClustering(c => c.CheckinInterval = settings.CheckinInterval);
                });
            }).Build();
            _scheduler = await _factory.GetScheduler(cancellationToken);
            _logger.SchedulerStarted(postgres ? "PostgreSQL" : "SQLite", clustered, instanceId);
            return _scheduler;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RescheduleMissingAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var policy = scope.ServiceProvider.GetRequiredService<DeadlinePolicy>();
        var open = await db.Deadlines.AsNoTracking().Where(d => d.MetAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var deadline in open)
        {
            if (await scheduler.Exists(JobKeyOf(deadline.TicketId, deadline.Kind, deadline.Cycle), cancellationToken)) continue;
            await ScheduleAsync(policy.Timer(deadline.TicketId, deadline.Kind, deadline.Cycle, deadline.DueAt, now), cancellationToken);
        }
    }
}
