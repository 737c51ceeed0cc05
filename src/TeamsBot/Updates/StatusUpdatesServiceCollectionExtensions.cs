using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsBot.Bot;
using TeamsBot.Chat.Search;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Updates;

public static class StatusUpdatesServiceCollectionExtensions
{
    /// <summary>
    /// Status updates through card forms: the form, its submit pipeline, refresh and history. Its chat command
    /// (<see cref="StatusUpdateChatCommand"/>) takes its place in the order AddTeamsBot lists.
    /// </summary>
    public static IServiceCollection AddStatusUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MeasureSearch>();
        services.AddSingleton<StatusUpdateService>();
        services.AddSingleton<MeasureLocator>();
        services.AddSingleton<MeasureLookup>();
        services.AddSingleton<MeasureCards>();
        services.AddSingleton<MeasureHistoryReader>();
        services.AddCardActionHandler<StatusUpdateCardHandler>(CardVerbs.EditMeasure, CardVerbs.UpdateMeasure, CardVerbs.RefreshMeasure);
        services.AddCardActionHandler<MeasureHistoryHandler>(CardVerbs.MeasureHistory);
        return services;
    }
}
