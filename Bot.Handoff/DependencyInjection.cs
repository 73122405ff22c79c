using Bot.Handoff;
using Bot.Handoff.Diagnostics;
using Bot.Handoff.Handoffs;
using Bot.Handoff.Notifications;
using Bot.Handoff.Sla;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Bot.Handoff.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers how people take over: live handoffs, tickets, deadlines with their durable timers, staff accounts.</summary>
public static class HandoffServiceCollectionExtensions
{
    /// <summary>Adds Handoff with its options bound from section <c>Handoff</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="useStore">Chooses the relational provider (SQLite or PostgreSQL) and its connection; keep
    /// <see cref="HandoffDbContext.MigrationsHistoryTable"/> as the migrations history table. The deadline timers
    /// (Quartz) use the same database.</param>
    public static IServiceCollection AddHandoff(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> useStore) =>
        services.AddHandoff(useStore, _ => { });

    /// <summary>Adds Handoff, letting the caller adjust options after binding.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> useStore,
        Action<HandoffOptions> configure)
    {
        services.AddOptions<HandoffOptions>()
            .BindConfiguration(HandoffOptions.Section)
            .Configure(configure)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<HandoffDbContext>((provider, options) =>
        {
            useStore(provider, options);
            // The migrations are hand-written without a model snapshot; a test proves they match the model.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.TryAddSingleton<IHandoffNotifier, SilentHandoffNotifier>();
        services.AddSingleton<HandoffMetrics>();
        services.AddSingleton<DeadlinePolicy>();
        services.AddScoped<NotificationRelay>();
        services.AddScoped<TicketNumbers>();
        services.AddScoped<ITicketService, TicketService>();
        services.AddScoped<IHandoffService, HandoffService>();
        services.AddScoped<DeadlineMonitor>();
        services.AddSingleton<PresenceHost>();
        services.AddScoped<IStaffPresence, StaffPresence>();
        services.AddScoped<IHandoffStatistics, HandoffStatisticsService>();

        // Order matters: the store is migrated before the scheduler starts on its Quartz tables.
        services.AddHostedService<HandoffInitializer>();
        services.AddSingleton<QuartzDeadlineTimers>();
        services.AddSingleton<IDeadlineTimers>(sp => sp.GetRequiredService<QuartzDeadlineTimers>());
        services.AddHostedService(sp => sp.GetRequiredService<QuartzDeadlineTimers>());
        services.AddSingleton<HandoffHousekeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<HandoffHousekeeper>());
        return services;
    }
}
