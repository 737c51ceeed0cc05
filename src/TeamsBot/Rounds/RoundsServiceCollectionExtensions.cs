using TeamsBot.Bot;
using TeamsBot.Digest;
using TeamsBot.Files;
using TeamsBot.Measures.Cards;
using TeamsBot.Storage;

namespace TeamsBot.Rounds;

public static class RoundsServiceCollectionExtensions
{
    /// <summary>
    /// Status rounds: start, reach owners once, remind those who have not answered, close with the summary and export.
    /// Its chat command (<see cref="RoundChatCommand"/>) takes its place in the order AddTeamsBot lists.
    /// </summary>
    public static IServiceCollection AddRounds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoundOptions>().Bind(configuration.GetSection(RoundOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.LeaseDuration > TimeSpan.Zero && o.WorkStart < o.WorkEnd && o.ReminderDaysBefore.All(d => d > 0),
                "Rounds: PollInterval and LeaseDuration must be positive, WorkStart before WorkEnd, ReminderDaysBefore positive days.");
        services.AddTable(RoundStore.RoundsTable).AddTable(RoundStore.OwnersTable).AddTable(RoundSendStore.TableName);
        services.AddSingleton<RoundClaims>();
        services.AddSingleton<RoundStore>();
        services.AddSingleton<RoundSendStore>();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<RoundProgressReader>();
        services.AddSingleton<RoundStarter>();
        services.AddSingleton<RoundDelivery>();
        services.AddSingleton<RoundCloser>();
        services.AddSingleton<IOpenRoundRates, RoundRates>();
        services.AddSingleton<RoundScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<RoundScheduler>());
        services.AddCardActionHandler<RoundConfirmHandler>(CardVerbs.ConfirmInRound);
        services.AddSingleton<IFileConsentHandler, RoundExportFiles>();
        services.AddCardActionHandler<RoundStartHandler>(CardVerbs.StartRound);
        return services;
    }
}
