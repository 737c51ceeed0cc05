using TeamsBot.Storage;

namespace TeamsBot.Nudges;

public static class NudgesServiceCollectionExtensions
{
    /// <summary>
    /// Due-date nudges: one personal note before a measure's deadline and one after it passes, unless the user opted out.
    /// Reuses the rounds' working calendar and send claims (AddRounds); its chat command (<see cref="NudgeChatCommand"/>)
    /// takes its place in the order AddTeamsBot lists.
    /// </summary>
    public static IServiceCollection AddNudges(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NudgeOptions>().Bind(configuration.GetSection(NudgeOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.DaysBefore > 0 && o.OverdueWithinDays >= 0,
                "Nudges: PollInterval must be positive, DaysBefore positive and OverdueWithinDays not negative.");
        services.AddTable(NudgePreferenceStore.TableName);
        services.AddSingleton<NudgePreferenceStore>();
        services.AddSingleton<NudgeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NudgeScheduler>());
        return services;
    }
}
