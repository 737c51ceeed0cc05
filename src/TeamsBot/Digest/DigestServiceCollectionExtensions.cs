using Microsoft.Extensions.Options;
using TeamsBot.Storage;

namespace TeamsBot.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// The weekly brief: channel subscriptions, the card, and the once-per-week scheduler. Its chat command
    /// (<see cref="DigestChatCommand"/>) takes its place in the order AddTeamsBot lists.
    /// </summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.LeaseDuration > TimeSpan.Zero && o.MaxConcurrency > 0,
                "Digest: PollInterval, LeaseDuration and MaxConcurrency must be positive.");
        services.AddTable(DigestSubscriptionStore.TableName).AddTable(DigestRunStore.TableName);
        services.AddSingleton<DigestSubscriptionStore>();
        services.AddSingleton<DigestRunStore>();
        services.AddSingleton<DigestReportBuilder>();
        services.AddSingleton<DigestCard>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DigestBlockedNotifier>();
        services.AddSingleton(sp => DigestInstance.Create(sp.GetRequiredService<IOptions<DigestOptions>>().Value));
        services.AddSingleton<DigestRunner>();
        services.AddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
        return services;
    }
}
