using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsBot.Bot;
using TeamsBot.Chat.Search;
using TeamsBot.Storage;

namespace TeamsBot.Updates;

public static class StatusUpdatesServiceCollectionExtensions
{
    /// <summary>Status updates through card forms: the form, its submit pipeline, roles, refresh, history and the chat commands.</summary>
    public static IServiceCollection AddStatusUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTable(RoleStore.TableName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MeasureSearch>();
        services.AddSingleton<RoleStore>();
        services.AddSingleton<EditAuthorization>();
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
