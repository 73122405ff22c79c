using System.Collections.Concurrent;
using Bot.Handoff;
using Bot.Handoff.Notifications;
using Bot.Handoff.Storage;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Handoff;

/// <summary>
/// One "host" of Bot.Handoff (the library as a generic host would run it: migrations, the Quartz deadline scheduler)
/// on a test database, with a manual clock, captured logs and a notifier that records what it was told. Two of
/// them on one PostgreSQL database are two hosts of one deployment.
/// </summary>
public sealed class HandoffTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private HandoffTestHost(IHost host, CapturedLogs logs, RecordingNotifier notifier)
    {
        _host = host;
        Logs = logs;
        Notifier = notifier;
    }

    public CapturedLogs Logs { get; }
    public RecordingNotifier Notifier { get; }
    public IServiceProvider Services => _host.Services;

    public static async Task<HandoffTestHost> StartAsync(TestDatabase database, TimeProvider clock, string instanceId, Action<HandoffOptions>? configure = null)
    {
        var logs = new CapturedLogs();
        var notifier = new RecordingNotifier();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<IHandoffNotifier>(notifier);
        builder.Services.AddHandoff((_, options) => database.Configure(options, HandoffDbContext.MigrationsHistoryTable), options =>
        {
            options.Scheduler.InstanceId = instanceId;
            options.Scheduler.CheckinInterval = TimeSpan.FromMinutes(10); // on the manual clock: a few check-ins per jump
            configure?.Invoke(options);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new HandoffTestHost(host, logs, notifier);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed class RecordingNotifier : IHandoffNotifier
{
    public ConcurrentQueue<CitizenNotice> Citizen { get; } = new();
    public ConcurrentQueue<StaffNotice> Staff { get; } = new();

    public Task NotifyCitizenAsync(CitizenNotice notice, CancellationToken cancellationToken)
    {
        Citizen.Enqueue(notice);
        return Task.CompletedTask;
    }

    public Task NotifyStaffAsync(StaffNotice notice, CancellationToken cancellationToken)
    {
        Staff.Enqueue(notice);
        return Task.CompletedTask;
    }
}
