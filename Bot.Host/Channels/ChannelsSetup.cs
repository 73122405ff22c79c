using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.Embed;
using Bot.Host.Channels.WebPage;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels;

/// <summary>The channels citizens reach the assistant by: Direct Line, the web page built on it, and its embed snippet.</summary>
internal static class ChannelsSetup
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddDirectLine();
        services.AddOptions<EmbedOptions>()
            .BindConfiguration(EmbedOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<EmbedOptions>>((cors, embed) =>
            cors.AddPolicy(EmbedOptions.CorsPolicy, policy => policy
                .WithOrigins([.. embed.Value.AllowedOrigins])
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
                .WithMethods("GET", "POST")
                .WithExposedHeaders("Retry-After")));
        return services;
    }

    /// <summary>Static files of the web page (Web Chat is built into wwwroot/lib), WebSockets for streams, CORS for embedding sites.</summary>
    public static WebApplication UseChannels(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseWebSockets();
        app.UseCors();
        return app;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder routes)
    {
        routes.MapDirectLine();
        routes.MapWebPage();
        return routes;
    }
}
