using Bot.Handoff.Notifications;
using Bot.Host.Conversations.Engine;
using Bot.Host.Conversations.Replies;
using Bot.Host.Conversations.State;
using Bot.Host.Storage;

namespace Bot.Host.Conversations;

/// <summary>Registers the conversation engine and its store.</summary>
internal static class ConversationsSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneExists(o.TimeZone), $"{ConversationOptions.Section}:TimeZone is not a time zone this machine knows.")
            .ValidateOnStart();
        services.AddDbContext<ConversationDbContext>(StoreSetup.Use(ConversationDbContext.MigrationsHistoryTable));
        services.AddHostedService<StoreMigrator<ConversationDbContext>>();
        services.AddScoped<ConversationStore>();
        services.AddScoped<Dialog>();
        services.AddScoped<ITurnHandler, ConversationTurnHandler>();
        services.AddScoped<ReplyPhrasing>();
        services.AddSingleton<IHandoffNotifier, CitizenNotifier>();
        return services;
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
