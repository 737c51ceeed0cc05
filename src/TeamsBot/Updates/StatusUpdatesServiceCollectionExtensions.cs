using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsBot.Bot;
using TeamsBot.Chat.Search;

namespace TeamsBot.Updates;

public static class StatusUpdatesServiceCollectionExtensions
{
    /// <summary>Status updates through card forms: the form, its submit pipeline, refresh, history and the chat commands.</summary>
    public static IServiceCollection AddStatusUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MeasureSearch>();
        services.AddSingleton<StatusUpdateService>();
        services.AddSingleton<MeasureLocator>();
        services.AddSingleton<MeasureLookup>();
        services.AddSingleton<MeasureCards>();
        services.AddSingleton<MeasureHistoryReader>();
        services.AddSingleton<ICardActionHandler, StatusUpdateCardHandler>();
        services.AddSingleton<ICardActionHandler, MeasureHistoryHandler>();
        services.AddSingleton<IChatCommand, StatusUpdateChatCommand>();
        return services;
    }
}
