namespace Bot.Host.Consoles;

/// <summary>The staff consoles: the page at <c>/console</c> and its SignalR hub.</summary>
internal static class ConsolesSetup
{
    public static IServiceCollection AddConsoles(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<StaffNotifier>();
        services.AddSingleton<StaffNoticeBus>();
        services.AddHostedService(sp => sp.GetRequiredService<StaffNoticeBus>());
        return services;
    }

    public static IEndpointRouteBuilder MapConsoles(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<StaffHub>(StaffHub.Path);
        routes.MapConsolePage();
        return routes;
    }
}
