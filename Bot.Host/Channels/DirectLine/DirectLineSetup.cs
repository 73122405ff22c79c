using Bot.Host.Channels.DirectLine.Limits;
using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Channels.DirectLine.Streaming;
using Bot.Host.Channels.DirectLine.Tokens;
using Bot.Host.Conversations;
using Bot.Host.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Registers the Direct Line channel: options, tokens, the transcript store, streams, limits and its activity sink.</summary>
internal static class DirectLineSetup
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChannelSecret>();
        services.AddSingleton<TokenCodec>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<DirectLineLimits>();
        services.AddSingleton<ActivityStream>();
        // Pooled: every poll and stream read uses a context, so building options and a context per request is
        // measurable (docs/benchmarks.md); the options are built once and contexts are reset and reused.
        services.AddDbContextPool<DirectLineDbContext>((provider, options) =>
        {
            StoreSetup.Use(DirectLineDbContext.MigrationsHistoryTable)(provider, options);
            options.AddInterceptors(new SqliteTuning());
        });
        services.AddSingleton<KnownConversations>();
        services.AddSingleton<TranscriptTail>();
        services.AddSingleton<TranscriptWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<TranscriptWriter>());
        services.AddScoped<DirectLineStore>();
        services.AddSingleton<DirectLineTurns>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivitySink, DirectLineActivitySink>());
        services.AddHostedService<DirectLineInitializer>();
        return services;
    }
}
